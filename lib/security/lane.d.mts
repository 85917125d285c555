import type { IncomingMessage, ServerResponse } from "node:http";
export type LaneHandler = (request: IncomingMessage, response: ServerResponse) => boolean;
export declare const LANE: unique symbol;
export declare function installLane(): void;
