import "server-only";
import { getCallbellConnection, type CallbellConnection } from "@/lib/settings/callbell-connection";
import { ttlCache } from "@/lib/process/ttl-cache";
import type { ComposeAccountData, TeamMemberOption } from "./account-options";
import type { AccountChannels, ChannelList } from "./channels";
import { PLATFORM_VALUES, type Platform } from "./options";
import type { TemplateSummary } from "./template";

/** Account lists change rarely; a short cache keeps page loads from calling Callbell every time. */
const CACHE_TTL_MS = 2 * 60 * 1000;

/**
 * A failure is not kept: the next page load asks again. An expired list is served for one more period while a
 * refresh runs, so no send (a broadcast at its pace above all) waits for Callbell's lists mid-way.
 */
const cache = ttlCache<unknown>("account-data", { ttlMs: CACHE_TTL_MS, staleMs: CACHE_TTL_MS });

/** Entries are per account: switching the mode or the token never serves the other account's lists. */
const cacheKey = (connection: CallbellConnection, name: string) => `${connection.key}|${name}`;

function cached<T>(connection: CallbellConnection, name: string, load: () => Promise<T>): Promise<T> {
  return cache.get(cacheKey(connection, name), load) as Promise<T>;
}

/** The account's templates and when they were read from Callbell (ISO time). */
export type TemplateList = { templates: TemplateSummary[]; loadedAt: string };

function loadTemplateList(connection: CallbellConnection): Promise<TemplateList> {
  return cached(connection, "templates", async () => ({
    templates: await connection.client.listTemplates(),
    loadedAt: new Date().toISOString(),
  }));
}

export async function loadTemplates(): Promise<TemplateSummary[]> {
  return (await loadTemplateList(await getCallbellConnection())).templates;
}

/** Reads the templates from Callbell now, whatever the cache holds; the fresh list replaces the cached one. */
export async function refreshTemplates(): Promise<TemplateList> {
  const connection = await getCallbellConnection();
  cache.forget(cacheKey(connection, "templates"));
  return loadTemplateList(connection);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "unknown error");

function loadPlatformChannels(connection: CallbellConnection, platform: Platform) {
  return cached(connection, `channels:${platform}`, () => connection.client.listChannels(platform));
}

/** One platform's active channels, from the same cache as the compose form: what a send's channel is checked against. */
export async function loadChannels(platform: Platform) {
  return loadPlatformChannels(await getCallbellConnection(), platform);
}

async function readAccountChannels(connection: CallbellConnection): Promise<AccountChannels> {
  const lists = await Promise.all(
    PLATFORM_VALUES.map((platform) =>
      loadPlatformChannels(connection, platform).then(
        (channels): ChannelList => ({ ok: true, channels }),
        (error: unknown): ChannelList => ({ ok: false, error: messageOf(error) }),
      ),
    ),
  );
  return Object.fromEntries(PLATFORM_VALUES.map((platform, i) => [platform, lists[i]])) as AccountChannels;
}

/** Every platform's channels, each read on its own (`GET /channels?type=…&active=true`). */
export async function loadAccountChannels(): Promise<AccountChannels> {
  return readAccountChannels(await getCallbellConnection());
}

/** `Try again` on the channels: reads the lists that failed from Callbell now (the others stay cached). */
export async function refreshAccountChannels(): Promise<AccountChannels> {
  const connection = await getCallbellConnection();
  for (const platform of PLATFORM_VALUES) {
    cache.forget(cacheKey(connection, `channels:${platform}`));
  }
  return readAccountChannels(connection);
}

/** Everything the compose form offers from the account; each list fails on its own and the form says which. */
export async function loadComposeAccountData(): Promise<ComposeAccountData> {
  const connection = await getCallbellConnection();
  const { client } = connection;
  // Each platform's channel list settles on its own, so this one never rejects.
  const channels = readAccountChannels(connection);
  const [templates, teams] = await Promise.allSettled([
    loadTemplateList(connection),
    cached(connection, "teams", () => client.listTeams()),
  ]);
  let members: TeamMemberOption[] = [];
  if (teams.status === "fulfilled") {
    const perTeam = await Promise.allSettled(
      teams.value
        .slice(0, 20)
        .map((team) =>
          cached(connection, `members:${team.uuid}`, () => client.listTeamMembers(team.uuid)).then((users) =>
            users.map((user) => ({ teamUuid: team.uuid, email: user.email, name: user.name })),
          ),
        ),
    );
    members = perTeam.flatMap((result) => (result.status === "fulfilled" ? result.value : []));
  }
  return {
    templates: templates.status === "fulfilled" ? templates.value.templates : null,
    templatesLoadedAt: templates.status === "fulfilled" ? templates.value.loadedAt : null,
    templatesError: templates.status === "rejected" ? messageOf(templates.reason) : null,
    channels: await channels,
    teams: teams.status === "fulfilled" ? teams.value : null,
    teamsError: teams.status === "rejected" ? messageOf(teams.reason) : null,
    members,
  };
}
