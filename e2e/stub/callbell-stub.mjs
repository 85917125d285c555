// A stand-in for Callbell in end-to-end tests: it records every request it receives and fails on command.
// Failure rules are keyed by recipient, so tests running in parallel never disturb each other.
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";

const port = Number(process.env.STUB_PORT ?? 4010);
const token = process.env.STUB_TOKEN;
if (!token) throw new Error("Set STUB_TOKEN: the stub accepts only that bearer token");
const requests = [];
const rules = new Map(); // to → { status, body, hangMs, times }
const latencies = new Map(); // recipient prefix → ms every send to it takes
const statuses = new Map(); // message uuid → { status, messageStatusPayload }, what GET /messages/status answers
// Storms: the next `times` sends to any number starting with `prefix` get `status` (a 429 storm, say), whoever they
// are for; `lastAt` is when the last one was answered so.
const storms = new Map(); // prefix → { status, body, headers, times, answered, lastAt }

const STUB_TEMPLATES = [
  {
    uuid: "tpl-one-var",
    title: "Order ready",
    text: "Hello {{1}}, your order is ready.",
    templateType: "text",
    category: "UTILITY",
    status: "approved",
  },
  {
    uuid: "tpl-three-vars",
    title: "Welcome series",
    text: "Hello {{1}}, this is a template {{2}} example. {{3}}!",
    templateType: "text",
    category: "MARKETING",
    status: "approved",
  },
  {
    uuid: "tpl-image",
    title: "New product (image)",
    text: "Meet our new {{1}}!",
    templateType: "image",
    category: "MARKETING",
    status: "approved",
  },
  {
    uuid: "tpl-pending",
    title: "Spring sale",
    text: "Sale: {{1}}",
    templateType: "text",
    category: "MARKETING",
    status: "pending",
  },
];
// A multi-platform account, as most are: each platform has its own main channel, and one WhatsApp number is gone.
const CHANNELS = [
  { uuid: "chan-main", title: "Support line", type: "whatsapp", main: true, discardedAt: false },
  { uuid: "chan-sales", title: "Sales line", type: "whatsapp", main: false, discardedAt: false },
  { uuid: "chan-old", title: "Old number", type: "whatsapp", main: false, discardedAt: true },
  { uuid: "chan-ig-outlet", title: "Instagram outlet", type: "instagram", main: false, discardedAt: false },
  { uuid: "chan-ig", title: "Instagram shop", type: "instagram", main: true, discardedAt: false },
  { uuid: "chan-fb", title: "Facebook page", type: "facebook", main: true, discardedAt: false },
  { uuid: "chan-tg", title: "Telegram bot", type: "telegram", main: true, discardedAt: false },
];
const TEAMS = [
  { uuid: "team-support", name: "Support", default: true, members: 1 },
  { uuid: "team-sales", name: "Sales", default: false, members: 1 },
];
const MEMBERS = {
  "team-support": [{ email: "ana@example.com", name: "Ana", available: true }],
  "team-sales": [{ email: "bo@example.com", name: "Bo", available: true }],
};

// Contacts by digits: a customer who wrote 2 hours ago (window open), one who wrote 30 hours ago (closed), a busy
// one whose last message is on page 2, and a number whose lookup fails. Any other number has no contact. Each
// conversation is `[hours ago, status]`, newest first, served 3 to a page without `meta`, as Callbell documents it.
const hoursAgo = (hours) => new Date(Date.now() - hours * 3_600_000).toISOString();
const CONTACTS = {
  31600000100: {
    contact: {
      uuid: "contact-open",
      name: "Jane Customer",
      phoneNumber: "+31600000100",
      tags: ["vip", { name: "returning" }],
      assignedUser: "ana@example.com",
      conversationHref: "https://dashboard.callbell.eu/chat/contact-open",
    },
    conversation: [
      [1, "sent"],
      [2, "received"],
    ],
  },
  31600000101: {
    contact: { uuid: "contact-closed", name: "Old Customer", phoneNumber: "+31600000101", tags: [] },
    conversation: [
      [29, "sent"],
      [30, "received"],
    ],
  },
  31600000103: {
    contact: { uuid: "contact-busy", name: "Busy Customer", phoneNumber: "31600000103", tags: [] },
    conversation: [
      [1, "sent"],
      [2, "note"],
      [3, "sent"],
      [4, "sent"],
      [5, "received"],
    ],
  },
};
const BSUID_CONTACTS = {
  "US.13491208655302741918": {
    contact: {
      uuid: "contact-bsuid",
      name: "Username Customer",
      phoneNumber: null,
      bsuid: "US.13491208655302741918",
      tags: [],
    },
    conversation: [[3, "received"]],
  },
};
const MESSAGES_PER_PAGE = 3;
const FAILING_CONTACT = "31600000102";

const send = (res, status, body, headers = {}) => {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};
const page = (key, items) => ({ [key]: items, meta: { page: 1, pages: 1 } });

const server = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  const url = new URL(req.url, `http://${req.headers.host}`);
  const path = url.pathname;

  if (path.startsWith("/__control/")) {
    if (path === "/__control/health") return send(res, 200, { ok: true });
    if (path === "/__control/status" && req.method === "POST") {
      const { uuid, ...status } = JSON.parse(text);
      statuses.set(uuid, status);
      return send(res, 200, { ok: true });
    }
    if (path === "/__control/latency" && req.method === "POST") {
      const { prefix, ms } = JSON.parse(text);
      latencies.set(prefix, ms);
      return send(res, 200, { ok: true });
    }
    if (path === "/__control/polls") {
      const uuid = url.searchParams.get("uuid");
      return send(res, 200, {
        count: requests.filter((r) => r.path === `/v1/messages/status/${uuid}`).length,
      });
    }
    if (path === "/__control/rules" && req.method === "POST") {
      const rule = JSON.parse(text);
      rules.set(rule.to, { times: Infinity, ...rule });
      return send(res, 200, { ok: true });
    }
    if (path === "/__control/storm" && req.method === "POST") {
      const storm = JSON.parse(text);
      storms.set(storm.prefix, { answered: 0, lastAt: null, ...storm });
      return send(res, 200, { ok: true });
    }
    if (path === "/__control/storm") {
      const storm = storms.get(url.searchParams.get("prefix"));
      return storm ? send(res, 200, storm) : send(res, 404, { error: "no storm for that prefix" });
    }
    if (path === "/__control/templates" && req.method === "POST") {
      STUB_TEMPLATES.push(JSON.parse(text));
      return send(res, 200, { ok: true });
    }
    if (path === "/__control/requests") {
      const to = url.searchParams.get("to");
      const prefix = url.searchParams.get("prefix");
      // `to` finds a send by its recipient, a BSUID included; `prefix` every send to numbers that start so (with
      // `count=1`, only how many: a benchmark's progress, read often).
      if (prefix) {
        const matching = requests.filter((r) => String(r.body?.to ?? "").startsWith(prefix));
        return send(res, 200, url.searchParams.get("count") ? { count: matching.length } : matching);
      }
      return send(
        res,
        200,
        to ? requests.filter((r) => r.body?.to === to || (!r.body?.to && r.body?.bsuid === to)) : requests,
      );
    }
    return send(res, 404, { error: "unknown control" });
  }

  let body;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  // `status` is what the stub answered (set when it answers a send).
  const record = { method: req.method, path: path + url.search, headers: req.headers, body, at: Date.now() };
  requests.push(record);

  if (req.headers.authorization !== `Bearer ${token}`) {
    return send(res, 401, { error: "Invalid API token" });
  }
  if (req.method === "POST" && path === "/v1/messages/send") {
    for (const [prefix, ms] of latencies) {
      if (String(body?.to ?? "").startsWith(prefix)) await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (res.destroyed) return;
    for (const [prefix, storm] of storms) {
      if (storm.times <= 0 || !String(body?.to ?? "").startsWith(prefix)) continue;
      storm.times -= 1;
      storm.answered += 1;
      storm.lastAt = Date.now();
      record.status = storm.status;
      return send(res, storm.status, storm.body ?? { error: "Too many requests" }, storm.headers ?? {});
    }
    const rule = rules.get(body?.to);
    if (rule && rule.times > 0) {
      rule.times -= 1;
      if (rule.hangMs) await new Promise((resolve) => setTimeout(resolve, rule.hangMs));
      if (res.destroyed) return;
      record.status = rule.status;
      return send(res, rule.status, rule.body ?? "", rule.headers ?? {});
    }
    record.status = 200;
    const message = { uuid: randomUUID().replace(/-/g, ""), status: "enqueued" };
    statuses.set(message.uuid, { status: "enqueued", messageStatusPayload: {} });
    if (body?.fields === "contact") message.contact = { uuid: "c1", name: "Jane Customer", phone: body.to };
    return send(res, 200, { message });
  }
  if (req.method === "GET") {
    const status = /^\/v1\/messages\/status\/([^/]+)$/.exec(path);
    if (status) {
      const known = statuses.get(status[1]);
      if (!known) return send(res, 404, { error: "Message not found" });
      return send(res, 200, { message: { uuid: status[1], ...known } });
    }
    if (path === "/v1/templates") return send(res, 200, page("templates", STUB_TEMPLATES));
    const byPhone = /^\/v1\/contacts\/phone\/(\d+)$/.exec(path);
    if (byPhone) {
      if (byPhone[1] === FAILING_CONTACT) return send(res, 500, { error: "Contacts are unavailable" });
      const known = CONTACTS[byPhone[1]];
      return known
        ? send(res, 200, { contact: known.contact })
        : send(res, 404, { error: "Contact not found" });
    }
    const byBsuid = /^\/v1\/contacts\/bsuid\/([^/]+)$/.exec(path);
    if (byBsuid) {
      const known = BSUID_CONTACTS[decodeURIComponent(byBsuid[1])];
      return known
        ? send(res, 200, { contact: known.contact })
        : send(res, 404, { error: "Contact not found" });
    }
    const history = /^\/v1\/contacts\/([^/]+)\/messages$/.exec(path);
    const owner =
      history &&
      [...Object.values(CONTACTS), ...Object.values(BSUID_CONTACTS)].find(
        (c) => c.contact.uuid === history[1],
      );
    if (owner) {
      const start = (Number(url.searchParams.get("page") ?? 1) - 1) * MESSAGES_PER_PAGE;
      const messages = owner.conversation
        .slice(start, start + MESSAGES_PER_PAGE)
        .map(([hours, status], i) => ({
          ...(status === "note" ? {} : { uuid: `m${start + i}` }),
          text: status === "received" ? "Hi" : "Sure!",
          createdAt: hoursAgo(hours),
          status,
        }));
      return send(res, 200, { messages });
    }
    if (path === "/v1/channels") {
      // `type` and `active` filter as Callbell documents them; one page holds them all.
      const type = url.searchParams.get("type");
      const active = url.searchParams.get("active");
      const channels = CHANNELS.filter(
        (c) =>
          (!type || c.type === type) &&
          (active === null || String(!c.discardedAt) === active) &&
          Number(url.searchParams.get("page") ?? 1) === 1,
      );
      return send(res, 200, page("channels", channels));
    }
    if (path === "/v1/teams") return send(res, 200, page("teams", TEAMS));
    const members = /^\/v1\/teams\/([^/]+)\/members$/.exec(path);
    if (members && MEMBERS[members[1]]) return send(res, 200, page("users", MEMBERS[members[1]]));
    if (path === "/v1/auth/me")
      return send(res, 200, { status: "ok", user_email: "stub@example.com", user_name: "Stub" });
  }
  return send(res, 404, { error: "not found" });
});

server.listen(port, "127.0.0.1", () => console.log(`Callbell stub on http://127.0.0.1:${port}`));
