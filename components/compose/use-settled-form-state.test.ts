import { describe, expect, it } from "vitest";
import { settleFormState, type SettledFormState } from "./use-settled-form-state";

type State = { isReady: boolean; submitCount: number };
const settle = (states: State[]) =>
  states.reduce<SettledFormState<State> | null>((seen, next) => settleFormState(seen, next), null)!;

describe("the form state Compose renders with", () => {
  const mounted: State = { isReady: false, submitCount: 0 };
  const ready: State = { isReady: true, submitCount: 0 };

  it("is the first render's until react-hook-form marks the form ready, and stays so through that update", () => {
    expect(settle([mounted]).shown).toBe(mounted);
    expect(settle([mounted, ready]).shown).toBe(mounted);
    expect(settle([mounted, ready, ready]).shown).toBe(ready);
  });

  it("follows every change after the ready mark", () => {
    const submitted: State = { isReady: true, submitCount: 1 };
    expect(settle([mounted, ready, submitted]).shown).toBe(submitted);
    const again: State = { isReady: true, submitCount: 2 };
    expect(settle([mounted, ready, submitted, again]).shown).toBe(again);
  });

  it("lets pass only a ready mark that is the first change: anything else is shown", () => {
    const notReady: State = { isReady: false, submitCount: 1 };
    expect(settle([mounted, notReady]).shown).toBe(notReady);
    expect(settle([mounted, notReady, ready]).shown).toBe(ready);
  });
});
