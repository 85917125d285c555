"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { DisclosureButton } from "@/components/ui/disclosure-button";
import { Field, FieldDescription, FieldError, FieldLabel, fieldAria } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import type { TeamSummary } from "@/lib/callbell/types";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import type { TeamMemberOption } from "@/lib/messages/account-options";
import { BOT_STATUSES } from "@/lib/messages/options";
import { TextField, controlId, useFieldError } from "./form-field";
import { MetadataSection } from "./metadata-section";

export function OptionsSection({
  teams,
  teamsError,
  members,
}: {
  teams: TeamSummary[] | null;
  teamsError: string | null;
  members: TeamMemberOption[];
}) {
  const { register, watch, formState } = useFormContext<ComposeFormValues>();
  const [open, setOpen] = useState(false);
  const teamUuid = watch("teamUuid");
  const teamError = useFieldError("teamUuid");
  const botError = useFieldError("botStatus");
  // A field with an error never hides behind the collapsed section.
  const hasOptionError = ["assignedUser", "teamUuid", "botStatus", "metadata"].some(
    (name) => name in formState.errors,
  );
  const expanded = open || hasOptionError;

  const offered = new Map<string, TeamMemberOption>();
  for (const member of members) {
    if (!teamUuid || member.teamUuid === teamUuid) offered.set(member.email, member);
  }

  return (
    <section className="grid gap-3 rounded-lg border p-1">
      <DisclosureButton
        open={expanded}
        controls="compose-more-options"
        aria-describedby="compose-more-options-hint"
        onClick={() => setOpen(!expanded)}
      >
        <span className="grid gap-0.5">
          More options
          {/* Hidden from the name (automation finds exactly "More options"), read as the button's description. */}
          <span
            id="compose-more-options-hint"
            aria-hidden="true"
            className="text-xs font-normal text-muted-foreground"
          >
            Assignment, bot status, contact details, metadata
          </span>
        </span>
      </DisclosureButton>
      <div id="compose-more-options" hidden={!expanded} className="grid gap-4 px-3 pb-3">
        <div className="grid items-start gap-4 sm:grid-cols-2">
          <TextField
            name="assignedUser"
            label="Assign to user"
            type="email"
            list="compose-team-members"
            autoComplete="off"
            placeholder="agent@example.com"
            description={
              teams === null
                ? "The team list could not be read from Callbell: type the email of a member of your Callbell team, or leave it empty."
                : `Members of ${teams.find((t) => t.uuid === teamUuid)?.name ?? "every team"} are offered; leave empty to keep Callbell's assignment.`
            }
          />
          <datalist id="compose-team-members">
            {[...offered.values()].map((member) => (
              <option key={member.email} value={member.email}>
                {member.name}
              </option>
            ))}
          </datalist>
          <Field>
            <FieldLabel htmlFor={controlId("teamUuid")}>Assign to team</FieldLabel>
            <NativeSelect
              {...fieldAria(controlId("teamUuid"), teamError, Boolean(teamsError))}
              {...register("teamUuid")}
            >
              <option value="">No team</option>
              {teams?.map((team) => (
                <option key={team.uuid} value={team.uuid}>
                  {team.name}
                </option>
              ))}
            </NativeSelect>
            {teamsError && (
              <FieldDescription id={`${controlId("teamUuid")}-description`} tone="warning">
                Teams could not be loaded ({teamsError}).
              </FieldDescription>
            )}
            <FieldError id={`${controlId("teamUuid")}-error`}>{teamError}</FieldError>
          </Field>
          <Field>
            <FieldLabel htmlFor={controlId("botStatus")}>Bot status</FieldLabel>
            <NativeSelect {...fieldAria(controlId("botStatus"), botError)} {...register("botStatus")}>
              {BOT_STATUSES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </NativeSelect>
            <FieldError id={`${controlId("botStatus")}-error`}>{botError}</FieldError>
          </Field>
          <div className="flex items-center gap-2 sm:mt-6">
            <Checkbox id={controlId("returnContact")} {...register("returnContact")} />
            <FieldLabel htmlFor={controlId("returnContact")}>Return contact details</FieldLabel>
          </div>
        </div>
        <MetadataSection />
      </div>
    </section>
  );
}
