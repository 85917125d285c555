"use client";

import { useDeferredValue } from "react";
import { useWatch } from "react-hook-form";
import type { ComposeFormValues } from "@/lib/messages/compose-form";
import { messagePreview } from "@/lib/messages/message-preview";
import type { TemplateSummary } from "@/lib/messages/template";
import { MessageBubble } from "./message-bubble";

/** The WhatsApp-style bubble of what the customer will see, following the form as the agent types. */
export function MessagePreview({ templates }: { templates: TemplateSummary[] | null }) {
  // Deferred: typing stays immediate and the bubble follows a moment later when the page is busy.
  const values = useDeferredValue(useWatch<ComposeFormValues>() as ComposeFormValues);
  const template = templates?.find((t) => t.uuid === values.templateUuid);
  const preview = messagePreview(values, template);

  return (
    <section aria-labelledby="message-preview-title" className="grid gap-2">
      <h2 id="message-preview-title" className="text-sm font-medium">
        Message preview
      </h2>
      <MessageBubble
        preview={preview}
        emptyText={
          values.type !== "template"
            ? "The message appears here as you type."
            : templates === null
              ? "The template's text could not be read from Callbell, so it cannot be shown."
              : "Choose a template to see the message."
        }
      />
    </section>
  );
}
