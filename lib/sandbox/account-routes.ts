import { SANDBOX_CHANNELS, SANDBOX_MEMBERS, SANDBOX_PLATFORMS } from "./data";
import { badPage, fieldError, json, pageOf, pageParam } from "./http";

/** `GET /channels?type=…&active=…`, checked as Callbell checks it. */
export function channels(url: URL): Response {
  const page = pageParam(url);
  if (page === null) return badPage();
  const type = url.searchParams.get("type");
  const active = url.searchParams.get("active");
  if (type !== null && !(SANDBOX_PLATFORMS as readonly string[]).includes(type)) {
    return fieldError({ type: [`must be one of ${SANDBOX_PLATFORMS.join(", ")}`] });
  }
  if (active !== null && active !== "true" && active !== "false") {
    return fieldError({ active: ["must be true or false"] });
  }
  const matching = SANDBOX_CHANNELS.filter(
    (c) => (type === null || c.type === type) && (active === null || c.discardedAt === (active === "false")),
  );
  return pageOf("channels", matching, page);
}

/** `GET /teams/:uuid/members?status=…`. */
export function teamMembers(teamUuid: string, url: URL): Response {
  const members = SANDBOX_MEMBERS[teamUuid];
  if (!members) return json(404, { error: "Team not found" });
  const page = pageParam(url);
  if (page === null) return badPage();
  const wanted = url.searchParams.get("status");
  if (wanted !== null && wanted !== "available" && wanted !== "away") {
    return fieldError({ status: ["must be available or away"] });
  }
  const matching = members.filter((m) => wanted === null || m.available === (wanted === "available"));
  return pageOf("users", matching, page);
}
