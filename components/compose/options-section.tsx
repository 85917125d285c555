"use client";

import { useState } from "react";
import { useFormContext } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
    <section className="grid gap-4 rounded-lg border p-4">
      <div>
        <Button
          type="button"
          variant="ghost"
          size="sm"
          aria-expanded={expanded}
          aria-controls="compose-more-options"
          onClick={() => setOpen(!expanded)}
        >
          {/* The arrow is decoration: the contract's name is exactly "More options". */}
          <span aria-hidden="true">{expanded ? "▾" : "▸"}</span> More options
        </Button>
      </div>
      <div id="compose-more-options" hidden={!expanded} className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
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
