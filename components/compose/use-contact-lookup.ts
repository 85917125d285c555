"use client";

import { useEffect, useState } from "react";
import { useWatch, type Control } from "react-hook-form";
import { windowAt, type ConversationWindow } from "@/lib/contacts/conversation-window";
import type { ContactLookup } from "@/lib/contacts/types";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { normalizeRecipient, recipientProblem } from "@/lib/messages/recipient";
import { fetchJson } from "@/lib/http/fetch-json";

/** Wait for the agent to stop typing before asking; keep an answer for a minute. */
const DEBOUNCE_MS = 400;
const FRESH_MS = 60_000;

export type ContactLookupState =
  | { status: "none" }
  | { status: "other-platform" }
  | { status: "loading"; phone: string }
  | { status: "done"; phone: string; result: ContactLookup };

/**
 * Looks the recipient up in Callbell once it is a valid WhatsApp number or BSUID: debounced, cached, the last one
 * wins. (`phone` holds the recipient as sent, a BSUID included.)
 */
export function useContactLookup(control: Control<ComposeFormValues>): ContactLookupState {
  const [to, platform, channelUuid] = useWatch({ control, name: ["to", "platform", "channelUuid"] });
  const [answers, setAnswers] = useState<Record<string, { at: number; result: ContactLookup }>>({});
  const phone = normalizeRecipient("whatsapp", to);
  const key = platform === "whatsapp" && !recipientProblem("whatsapp", to) ? `${phone}|${channelUuid}` : null;
  const answer = key ? answers[key] : undefined;

  useEffect(() => {
    if (!key || (answer && Date.now() - answer.at < FRESH_MS)) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      let result: ContactLookup;
      try {
        const query = new URLSearchParams({ recipient: phone, channel: channelUuid });
        result = await fetchJson<ContactLookup>(`/api/contacts/lookup?${query}`, {
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted) return;
        result = { kind: "failed", message: error instanceof Error ? error.message : String(error) };
      }
      setAnswers((current) => ({ ...current, [key]: { at: Date.now(), result } }));
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, answer, phone, channelUuid]);

  if (platform !== "whatsapp") return to.trim() ? { status: "other-platform" } : { status: "none" };
  if (!key) return { status: "none" };
  return answer ? { status: "done", phone, result: answer.result } : { status: "loading", phone };
}

/** The window as it stands now: an open window seen a while ago may have closed since. */
export function currentWindow(state: ContactLookupState, now: number | null): ConversationWindow | null {
  if (state.status !== "done" || state.result.kind !== "found") return null;
  return now === null ? state.result.window : windowAt(state.result.window, now);
}
