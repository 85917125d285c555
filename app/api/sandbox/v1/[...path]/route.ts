import { handleSandboxRequest } from "@/lib/sandbox/simulator";

// The simulator speaks Callbell's API over HTTP too, for curl, Postman and people's own test runs.
export const GET = (request: Request) => handleSandboxRequest(request);
export const POST = (request: Request) => handleSandboxRequest(request);
export const DELETE = (request: Request) => handleSandboxRequest(request);
