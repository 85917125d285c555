// Bellhop's edge: `npm start` loads it into Node (`--import`) before Next. For every request, before Next or any of
// Bellhop's code reads it, it settles the client's address, host and scheme by BELLHOP_TRUSTED_PROXIES
// (forwarded.mjs), drops every forwarding header the client sent, and writes the settled values as the only
// X-Forwarded-For, -Host and -Proto. From there on those headers can be believed: the sign-in limit keys on the
// address, the Origin check compares with the host, HSTS follows the scheme.
import diagnostics from "node:diagnostics_channel";
import { FORWARDING_HEADERS, originForm, parseTrustedProxies, resolveForwarded } from "./forwarded.mjs";
import { installLane } from "./lane.mjs";

let trustedProxies;
try {
  trustedProxies = parseTrustedProxies(process.env.BELLHOP_TRUSTED_PROXIES);
} catch (error) {
  console.error(`Bellhop cannot start, the configuration is invalid:\n${error.message}`);
  process.exit(1);
}

// Node publishes this before it emits the request to Next's handler, synchronously, for every server in the process.
diagnostics.subscribe("http.server.request.start", ({ request, socket }) => {
  const settled = resolveForwarded(
    { headers: request.headers, socketAddress: socket?.remoteAddress, encrypted: Boolean(socket?.encrypted) },
    trustedProxies,
  );
  for (const name of FORWARDING_HEADERS) delete request.headers[name];
  request.headers["x-forwarded-for"] = settled.address;
  request.headers["x-forwarded-proto"] = settled.proto;
  if (settled.host) request.headers["x-forwarded-host"] = settled.host;
  request.url = originForm(request.url);
});

// Before Next reads a request: the gate refuses bodies by their length and targets that are no address, and once the
// server has started, Callbell's webhook is answered in the lane, past Next's routing (lane.mjs, gate.mjs).
installLane();

// Start-up checks for this mark: without the edge, the forwarded headers would be whatever a client wrote.
globalThis[Symbol.for("bellhop.edge")] = { trustedProxies };
