// Who sent a request, and to which host and scheme: the one rule Bellhop applies to X-Forwarded-For, -Host and -Proto.
// Plain JavaScript because the edge (edge.mjs) loads it into Node before Next starts; typed by forwarded.d.mts.
//
// BELLHOP_TRUSTED_PROXIES is the number of proxy hops in front of Bellhop. With 0 every forwarded header is a
// client's claim and is ignored: the address is the socket's, the host is the Host header. With N, the proxies
// appended N addresses to X-Forwarded-For, so the client is the Nth from the right (the furthest one when there are
// fewer); host and scheme are read the same way from their headers.

export const MAX_TRUSTED_PROXIES = 10;

/** The number of trusted hops from the variable's text; throws a sentence naming the variable when it is not one. */
export function parseTrustedProxies(text) {
  if (text === undefined || text.trim() === "") return 0;
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value > MAX_TRUSTED_PROXIES) {
    throw new Error(
      `BELLHOP_TRUSTED_PROXIES: must be the number of proxies in front of Bellhop, 0 to ${MAX_TRUSTED_PROXIES}`,
    );
  }
  return value;
}

const ADDRESS = /^[0-9A-Fa-f.:]{2,45}$/;
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?)(:\d{1,5})?$/;

/** An address as a person reads it: without IPv6's IPv4-mapped prefix, without brackets or a port. */
export function normalizeAddress(text) {
  let value = String(text ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(value)) value = value.slice(7);
  return ADDRESS.test(value) ? value.toLowerCase() : null;
}

function headerValues(value) {
  if (value === undefined || value === null) return [];
  const text = Array.isArray(value) ? value.join(",") : String(value);
  return text.split(",").map((part) => part.trim());
}

// The value the Nth hop from the right wrote, or the furthest one when the list is shorter.
function fromTheRight(values, hops) {
  if (values.length === 0) return undefined;
  return values[Math.max(0, values.length - hops)];
}

/**
 * Settles a request's client address, host and scheme.
 * `headers` are Node's lower-cased request headers; `socketAddress` and `encrypted` describe the connection.
 */
export function resolveForwarded({ headers, socketAddress, encrypted }, trustedProxies) {
  const socket = normalizeAddress(socketAddress) ?? "unknown";
  const ownHost = HOST.test(String(headers.host ?? "")) ? String(headers.host) : "";
  const ownProto = encrypted ? "https" : "http";
  if (!trustedProxies) return { address: socket, host: ownHost, proto: ownProto };

  const forwardedFor = headerValues(headers["x-forwarded-for"]);
  const claimed = fromTheRight(forwardedFor, trustedProxies);
  const address = (claimed !== undefined && normalizeAddress(claimed)) || socket;

  const forwardedHost = fromTheRight(headerValues(headers["x-forwarded-host"]), trustedProxies);
  const host = forwardedHost !== undefined && HOST.test(forwardedHost) ? forwardedHost : ownHost;

  const forwardedProto = fromTheRight(
    headerValues(headers["x-forwarded-proto"]),
    trustedProxies,
  )?.toLowerCase();
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : ownProto;
  return { address, host, proto };
}

/** The headers a client could use to claim an address, host or scheme: the edge replaces them all. */
export const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
  "x-forwarded-port",
  "x-forwarded-server",
  "x-real-ip",
  "x-client-ip",
];

/**
 * A request line in absolute form (`GET http://evil.example/compose HTTP/1.1`, as sent to a forward proxy) in origin
 * form (`/compose`): Next would otherwise answer with a redirect to that other host. The Host header names the host.
 * Anything else is returned as it is.
 */
export function originForm(url) {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return "/";
  }
}
