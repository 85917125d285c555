"use client";

import { useRef, useState, type DragEvent } from "react";
import { formatBytes } from "@/lib/format/bytes";
import { cn } from "@/lib/utils";

/**
 * The one file picker of Bellhop (issue 21): a drop zone with a visible "Choose a file" button, and the chosen
 * file's name and size. The control itself is the real `input[type=file]`, stretched invisibly over the zone: it
 * keeps the field's label as its accessible name, Tab reaches it, Space opens the picker, and people's Playwright
 * runs fill it with `setInputFiles`. A drop anywhere on the zone chooses the dropped file.
 */
export function FileDrop({
  id,
  accept,
  file,
  onFile,
  hint = "drop a file here",
}: {
  id: string;
  accept?: string;
  file: File | null;
  onFile: (file: File | null) => void;
  hint?: string;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files;
    if (!dropped.length) return;
    // The input shows what was dropped too, so a form reading it (or a test) finds the same file.
    if (input.current) input.current.files = dropped;
    onFile(dropped[0] ?? null);
  };
  return (
    <div
      data-slot="file-drop"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      className={cn(
        "relative flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border border-dashed border-input bg-background px-3 py-3 text-sm transition-colors",
        "focus-within:ring-2 focus-within:ring-ring hover:bg-muted data-dragging:border-primary data-dragging:bg-muted",
      )}
    >
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-chosen`}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
        className="absolute inset-0 size-full cursor-pointer opacity-0"
      />
      {/* Drawn as a button for the eye; the input above it is the control (one name, one tab stop). */}
      <span
        aria-hidden="true"
        className="inline-flex h-8 items-center rounded-md border border-input bg-card px-3 text-xs font-medium shadow-xs"
      >
        Choose a file
      </span>
      <span id={`${id}-chosen`} className="min-w-0 break-all">
        {file ? (
          <>
            <span className="font-medium">{file.name}</span>{" "}
            <span className="text-muted-foreground">({formatBytes(file.size)})</span>
          </>
        ) : (
          <span className="text-muted-foreground">No file chosen: {hint}</span>
        )}
      </span>
    </div>
  );
}
