"use client";

import Link from "next/link";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { cn } from "@/lib/utils";

type ToastTone = "success" | "error" | "warning";

export type ToastInput = {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** A link that acts on what the toast is about ("View in history"); following it dismisses the toast. */
  action?: { label: string; href: string };
  /** How long it stays, not counting the time the pointer or the focus is on it. */
  durationMs?: number;
};
type Toast = ToastInput & { id: number };

const DEFAULT_DURATION_MS = 8_000;
/** More would cover the page; the oldest goes first. */
const MAX_TOASTS = 3;

// One list for the whole page, outside React: any component can raise a toast without a provider around it.
let toasts: Toast[] = [];
let lastId = 0;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const NONE: Toast[] = [];

/** Shows a toast in the page's `Toaster`; returns its id, for `dismissToast`. */
export function toast(input: ToastInput): number {
  const id = ++lastId;
  toasts = [...toasts, { ...input, id }].slice(-MAX_TOASTS);
  emit();
  return id;
}

export function dismissToast(id: number) {
  if (!toasts.some((item) => item.id === id)) return;
  toasts = toasts.filter((item) => item.id !== id);
  emit();
}

const TONES: Record<ToastTone, string> = {
  success: "border-l-emerald-500 dark:border-l-emerald-400",
  error: "border-l-red-500 dark:border-l-red-400",
  warning: "border-l-amber-500 dark:border-l-amber-400",
};

function ToastItem({ item }: { item: Toast }) {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const remaining = useRef(item.durationMs ?? DEFAULT_DURATION_MS);
  const paused = hovered || focused;

  // The clock runs only while nobody is reading or using the toast; a pause keeps the time left.
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const timer = setTimeout(() => dismissToast(item.id), remaining.current);
    return () => {
      clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [paused, item.id]);

  return (
    <li
      className={cn(
        "pointer-events-auto flex items-start gap-3 rounded-lg border border-l-4 border-border bg-card p-3 text-sm text-card-foreground shadow-lg",
        TONES[item.tone ?? "success"],
      )}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setFocused(false);
      }}
    >
      <div className="grid min-w-0 flex-1 gap-1">
        <p className="font-semibold break-words">{item.title}</p>
        {item.description && <p className="break-words text-muted-foreground">{item.description}</p>}
        {item.action && (
          <Link
            href={item.action.href}
            className="justify-self-start font-medium underline underline-offset-4"
            onClick={() => dismissToast(item.id)}
          >
            {item.action.label}
          </Link>
        )}
      </div>
      <button
        type="button"
        aria-label="Dismiss notification"
        className="-m-1 rounded-md p-1 leading-none text-muted-foreground hover:bg-accent hover:text-accent-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
        onClick={() => dismissToast(item.id)}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/**
 * Where toasts appear: mounted once, in the root layout. The list is a polite live region that is always in the page,
 * so a screen reader announces each toast as it is added.
 */
export function Toaster() {
  const list = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => NONE,
  );
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed inset-x-4 bottom-4 z-50 sm:left-auto sm:w-96"
    >
      <ol aria-live="polite" className="grid gap-2">
        {list.map((item) => (
          <ToastItem key={item.id} item={item} />
        ))}
      </ol>
    </section>
  );
}
