"use client";

import Link from "next/link";
import { useState } from "react";
import { buttonClassName } from "@/components/ui/button";
import { Field, FieldLabel } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import {
  DEFAULT_FOLLOW_UP_AFTER_MINUTES,
  FOLLOW_UP_AFTER_MINUTES,
  FOLLOW_UP_WORDS,
  followUpAfterLabel,
} from "@/lib/broadcasts/follow-up";
import { NO_WEBHOOK } from "@/lib/replies/replies-words";

/**
 * `New broadcast from…`, besides the failed rows: the rows whose message went at least the chosen time ago and was
 * not read, or not answered, by now, as a new list in the wizard. Without the webhook no reply can be known, so the
 * second says so instead of offering every row.
 */
export function FollowUpLinks({ id, repliesKnown }: { id: number; repliesKnown: boolean }) {
  const [after, setAfter] = useState(String(DEFAULT_FOLLOW_UP_AFTER_MINUTES));
  const href = (rows: keyof typeof FOLLOW_UP_WORDS) =>
    `/broadcasts/new?${new URLSearchParams({ from: String(id), rows, after })}`;
  const link = buttonClassName({ variant: "outline", size: "sm" });
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field className="w-40">
        <FieldLabel htmlFor="follow-up-after">Follow up after</FieldLabel>
        <NativeSelect id="follow-up-after" value={after} onChange={(event) => setAfter(event.target.value)}>
          {FOLLOW_UP_AFTER_MINUTES.map((minutes) => (
            <option key={minutes} value={minutes}>
              {followUpAfterLabel(minutes)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Link href={href("unread")} prefetch={false} className={link}>
        New broadcast from {FOLLOW_UP_WORDS.unread}
      </Link>
      {repliesKnown ? (
        <Link href={href("unreplied")} prefetch={false} className={link}>
          New broadcast from {FOLLOW_UP_WORDS.unreplied}
        </Link>
      ) : (
        <p className="text-xs text-muted-foreground">Rows that did not reply: {NO_WEBHOOK}</p>
      )}
    </div>
  );
}
