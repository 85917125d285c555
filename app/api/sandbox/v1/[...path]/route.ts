import { handleSandboxRequest } from "@/lib/sandbox/simulator";

// The simulator speaks Callbell's API over HTTP too, for curl, Postman and people's own test runs; its webhook stays
// Bellhop's own (see handleSandboxRequest).
const overHttp = (request: Request) => handleSandboxRequest(request, { overHttp: true });
export const GET = overHttp;
export const POST = overHttp;
export const DELETE = overHttp;
