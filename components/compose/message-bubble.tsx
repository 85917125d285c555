"use client";

import { useState } from "react";
import { describeMediaUrl, type MessagePreview as Preview } from "@/lib/messages/message-preview";
import { FormattedText } from "./formatted-text";

/**
 * The WhatsApp-style bubble for a message preview; also used for a broadcast's first rows and a sent message's page,
 * which gives its own `footer` (when it was sent, and how far it got).
 */
export function MessageBubble({
  preview,
  emptyText,
  footer,
}: {
  preview: Preview;
  emptyText: string;
  footer?: React.ReactNode;
}) {
  const empty = preview.media === null && preview.text.trim() === "";
  return (
    <div className="rounded-lg bg-[#efeae2] p-3 dark:bg-[#0b141a]">
      {empty ? (
        <p className="py-6 text-center text-xs text-zinc-600 dark:text-zinc-300">{emptyText}</p>
      ) : (
        <div className="ml-auto w-fit max-w-[90%] min-w-32 rounded-lg rounded-tr-none bg-[#d9fdd3] p-1.5 text-sm text-zinc-900 shadow-sm dark:bg-[#005c4b] dark:text-[#e9edef]">
          {preview.media && <MediaHeader media={preview.media} />}
          {preview.text.trim() !== "" && (
            <p data-testid="preview-text" className="px-1.5 py-1 whitespace-pre-wrap wrap-anywhere">
              <FormattedText text={preview.text} />
            </p>
          )}
          {footer !== undefined && (
            <p aria-hidden className="px-1.5 text-right text-[0.65rem] text-zinc-500 dark:text-[#8696a0]">
              {footer}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function isHttpsUrl(value: string) {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

function MediaHeader({ media }: { media: NonNullable<Preview["media"]> }) {
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  if (media.kind === "image") {
    if (!isHttpsUrl(media.url) || failedUrl === media.url) {
      return (
        <div className="grid h-32 place-items-center rounded bg-zinc-200 px-3 text-center text-xs text-zinc-600 dark:bg-zinc-700 dark:text-zinc-200">
          {failedUrl === media.url
            ? "This image could not be loaded: WhatsApp will not be able to fetch it either."
            : "Image: it shows here once its https URL is typed."}
        </div>
      );
    }
    return (
      // next/image would need every customer's image host configured; this is a plain preview of a typed URL.
      // eslint-disable-next-line @next/next/no-img-element
      <img
        src={media.url}
        alt="Image the customer will receive"
        className="max-h-64 w-full rounded object-cover"
        onError={() => setFailedUrl(media.url)}
      />
    );
  }
  const file = describeMediaUrl(media.url, media.kind);
  return (
    <div
      className="flex items-center gap-3 rounded bg-[#c6ecc0] p-2 dark:bg-[#025144]"
      data-testid="preview-file"
    >
      <span
        aria-hidden
        className="grid size-9 shrink-0 place-items-center rounded bg-white text-[0.6rem] font-semibold text-zinc-600 uppercase dark:bg-zinc-800 dark:text-zinc-200"
      >
        {media.kind === "document" ? "doc" : media.kind === "audio" ? "♪" : "▶"}
      </span>
      <span className="grid min-w-0">
        <span className="truncate font-medium">{media.url ? file.name : `${file.label} header`}</span>
        <span className="text-xs text-zinc-600 dark:text-zinc-300">{file.label}</span>
      </span>
    </div>
  );
}
