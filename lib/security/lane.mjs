// Bellhop's front door, installed by the edge (edge.mjs): first the gate (gate.mjs), which refuses what must be refused
// before Next reads a request, then the fast lane. A request the lane takes is answered by Bellhop's own handler, without Next's routing. Only
// Callbell's webhook uses it (lib/delivery/webhook-lane.ts): at 200 events a second, Next's handling of a request
// (about 4 ms of CPU each on a small machine) was four fifths of the webhook's cost, and one process could not keep up.
// The edge installs it (edge.mjs) before Next creates its server; the server's start registers the handler. Until
// then, and for every request the handler does not take, Next answers as before.
import http from "node:http";
import { answerRefusal, gateRefusal } from "./gate.mjs";

/** Where the handler is registered: `(request, response) => boolean`, true when it took the request. */
export const LANE = Symbol.for("bellhop.lane");

const INSTALLED = Symbol.for("bellhop.lane.installed");

/**
 * Puts the gate and the lane in front of every HTTP server's `request` event, once per process. Node publishes the
 * request to the edge (its diagnostics channel, which settles the forwarded headers and the address) before it emits
 * this event, so what they see has been settled.
 */
export function installLane() {
  if (globalThis[INSTALLED]) return;
  globalThis[INSTALLED] = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function emitThroughLane(event, request, response) {
    if (event === "request") {
      const refusal = gateRefusal(request);
      if (refusal) {
        answerRefusal(request, response, refusal);
        return true;
      }
      const lane = globalThis[LANE];
      if (typeof lane === "function" && lane(request, response)) return true;
    }
    return emit.apply(this, arguments);
  };
}
