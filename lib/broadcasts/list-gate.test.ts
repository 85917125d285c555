import { describe, expect, it } from "vitest";
import { admitList } from "./list-gate";

describe("the gate of large lists", () => {
  it("lets one large list in at a time, small ones alongside, and the next once the first is stored", () => {
    const MB = 1_000_000;
    const first = admitList(6 * MB, 10 * MB);
    expect(first).not.toBeNull();
    expect(admitList(6 * MB, 10 * MB)).toBeNull();
    const small = admitList(1 * MB, 10 * MB);
    expect(small).not.toBeNull();
    first!();
    first!(); // released twice: counted once
    const next = admitList(8 * MB, 10 * MB);
    expect(next).not.toBeNull();
    expect(admitList(2 * MB, 10 * MB)).toBeNull();
    small!();
    next!();
    // Alone, any list up to the body limit is let in.
    const alone = admitList(10 * MB, 10 * MB);
    expect(alone).not.toBeNull();
    alone!();
  });
});
