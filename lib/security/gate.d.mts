import type { IncomingMessage, ServerResponse } from "node:http";
export type GateRefusal = { status: 400 | 411 | 413; code: string; message: string };
export declare function gateRefusal(
  request: Pick<IncomingMessage, "method" | "url" | "headers">,
): GateRefusal | null;
export declare function answerRefusal(
  request: IncomingMessage,
  response: ServerResponse,
  refusal: GateRefusal,
): void;
