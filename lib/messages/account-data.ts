import "server-only";
import { getCallbellClient } from "@/lib/callbell";
import type { ComposeAccountData, TeamMemberOption } from "./account-options";
import type { TemplateSummary } from "./template";

/** Account lists change rarely; a short cache keeps page loads from calling Callbell every time. */
const CACHE_TTL_MS = 2 * 60 * 1000;

type CacheEntry = { expires: number; value: Promise<unknown> };
const globalForCache = globalThis as unknown as { bellhopAccountCache?: Map<string, CacheEntry> };

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const cache = (globalForCache.bellhopAccountCache ??= new Map());
  const hit = cache.get(key);
  if (hit && hit.expires > Date.now()) return hit.value as Promise<T>;
  const value = load();
  cache.set(key, { expires: Date.now() + CACHE_TTL_MS, value });
  // A failure is not kept: the next page load asks again.
  value.catch(() => cache.delete(key));
  return value;
}

export function loadTemplates(): Promise<TemplateSummary[]> {
  return cached("templates", () => getCallbellClient().listTemplates());
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "unknown error");

/** Everything the compose form offers from the account; each list fails on its own and the form says which. */
export async function loadComposeAccountData(): Promise<ComposeAccountData> {
  const client = getCallbellClient();
  const [templates, channels, teams] = await Promise.allSettled([
    loadTemplates(),
    cached("channels", () => client.listChannels()),
    cached("teams", () => client.listTeams()),
  ]);
  let members: TeamMemberOption[] = [];
  if (teams.status === "fulfilled") {
    const perTeam = await Promise.allSettled(
      teams.value
        .slice(0, 20)
        .map((team) =>
          cached(`members:${team.uuid}`, () => client.listTeamMembers(team.uuid)).then((users) =>
            users.map((user) => ({ teamUuid: team.uuid, email: user.email, name: user.name })),
          ),
        ),
    );
    members = perTeam.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
  }
  return {
    templates: templates.status === "fulfilled" ? templates.value : null,
    templatesError: templates.status === "rejected" ? messageOf(templates.reason) : null,
    channels: channels.status === "fulfilled" ? channels.value : null,
    channelsError: channels.status === "rejected" ? messageOf(channels.reason) : null,
    teams: teams.status === "fulfilled" ? teams.value : null,
    members,
  };
}
