"use client";

import { useEffect, type ReactNode } from "react";

/** What the browser keeps of a person's work (drafts, send keys): never to be seen by the next person. */
const PRIVATE_PREFIXES = ["bellhop:compose-draft", "bellhop.compose.", "bellhop:broadcast-draft"];
/** Whose work the browser keeps now: the id of the last person signed in here. */
const OWNER_KEY = "bellhop:owner";

function forgetPrivateState() {
  try {
    for (const key of Object.keys(window.localStorage)) {
      if (key === OWNER_KEY || PRIVATE_PREFIXES.some((prefix) => key.startsWith(prefix)))
        window.localStorage.removeItem(key);
    }
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

/**
 * Forgets what another person left in this browser without pressing Sign out (a session that expired, a closed
 * window, a sign-out in another tab): on every page for `owner`, the work of anyone else; on the sign-in page
 * (`owner` null), all of it. Renders nothing.
 */
export function ForgetOthersWork({ owner }: { owner: string | null }) {
  useEffect(() => {
    try {
      if (owner !== null && window.localStorage.getItem(OWNER_KEY) === owner) return;
      forgetPrivateState();
      if (owner !== null) window.localStorage.setItem(OWNER_KEY, owner);
    } catch {
      // Storage unavailable: nothing was kept.
    }
  }, [owner]);
  return null;
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
