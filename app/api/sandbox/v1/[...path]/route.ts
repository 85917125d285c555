import { getEnv } from "@/lib/env";
import { handleSandboxRequest } from "@/lib/sandbox/simulator";

// The simulator speaks Callbell's API over HTTP too, for curl, Postman and people's own test runs; its webhook stays
// Bellhop's own (see handleSandboxRequest). A held send ends when Bellhop's own calls to Callbell would give up.
const overHttp = (request: Request) =>
  handleSandboxRequest(request, { overHttp: true, holdMs: getEnv().CALLBELL_TIMEOUT_MS });
export const GET = overHttp;
export const POST = overHttp;
export const DELETE = overHttp;
