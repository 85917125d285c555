import type { BrowserContext } from "@playwright/test";

export declare const PAGE_WEIGHT_BUDGET_KB: Record<string, number> & { default: number };
export declare function budgetFor(route: string): number;
export declare function scriptBytesOnColdLoad(
  context: BrowserContext,
  url: string,
): Promise<{
  bytes: number;
  files: number;
  status: number;
  finalUrl: string;
  scripts: { path: string; bytes: number }[];
}>;
