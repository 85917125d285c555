import type { TeamSummary } from "@/lib/callbell/types";
import type { AccountChannels } from "./channels";
import type { TemplateSummary } from "./template";

/** A member offered by `Assign to user`, with the team it was listed under. */
export type TeamMemberOption = { teamUuid: string; email: string; name: string };

/** What the compose form offers from the account; each list may fail on its own and the form says which. */
export type ComposeAccountData = {
  templates: TemplateSummary[] | null;
  templatesError: string | null;
  /** When the templates were read from Callbell (ISO time); they are cached on the server for a few minutes. */
  templatesLoadedAt: string | null;
  channels: AccountChannels;
  teams: TeamSummary[] | null;
  teamsError: string | null;
  members: TeamMemberOption[];
};

/** What `Refresh templates` comes back with: the fresh list and when it was read, or why it could not be. */
export type RefreshTemplatesResult =
  { ok: true; templates: TemplateSummary[]; loadedAt: string } | { ok: false; message: string };
