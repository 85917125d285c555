import type { KeyboardEvent } from "react";
import type { SendLaterChoice } from "./send-later-panel";

/**
 * Enter in the compose form: Ctrl+Enter (⌘+Enter) sends. With Send later open (`later`: its current choice), Enter in
 * a one-line field or Ctrl+Enter schedules the message for that time instead: only a click on `Send message` sends it
 * now, so an agent who presses Enter in `Send at` never sends early.
 */
export function composeEnter(
  event: KeyboardEvent<HTMLFormElement>,
  actions: { later: SendLaterChoice | null; schedule: (choice: SendLaterChoice) => void; send: () => void },
) {
  if (event.key !== "Enter") return;
  const modified = event.ctrlKey || event.metaKey;
  if (actions.later && (modified || submitsOnEnter(event.target))) {
    event.preventDefault();
    actions.schedule(actions.later);
  } else if (modified) {
    event.preventDefault();
    actions.send();
  }
}

/** Whether Enter in `target` submits its form (a one-line input does; a text area, a button or a select does not). */
function submitsOnEnter(target: EventTarget): boolean {
  return (
    target instanceof HTMLInputElement &&
    !["button", "submit", "reset", "file", "checkbox", "radio"].includes(target.type)
  );
}
