"use client";

import type { ReactNode } from "react";

/** What the browser keeps of a person's work (drafts, send keys): never to be seen by the next person. */
const PRIVATE_PREFIXES = ["bellhop:compose-draft", "bellhop.compose.", "bellhop:broadcast-draft"];

function forgetPrivateState() {
  try {
    for (const key of Object.keys(window.localStorage)) {
      if (PRIVATE_PREFIXES.some((prefix) => key.startsWith(prefix))) window.localStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

/**
 * The header's sign-out form: before the server ends the session, the browser forgets the compose draft and its send
 * key, so a shared computer does not show one agent's unsent message to the next.
 */
export function SignOutForm({
  action,
  className,
  children,
}: {
  action: () => Promise<void>;
  className?: string;
  children: ReactNode;
}) {
  return (
    <form action={action} onSubmit={forgetPrivateState} className={className}>
      {children}
    </form>
  );
}
