const rules = new Intl.PluralRules("en");
const numbers = new Intl.NumberFormat("en");

/**
 * "1 row", "2 rows", "1,204 recipients": a count with its noun agreeing, by `Intl.PluralRules` (never "row(s)").
 * `many` is the plural when it is not the noun plus "s" ("1 reply", "2 replies").
 */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${rules.select(count) === "one" ? one : many}`;
}

/** The noun alone, agreeing with `count`: for sentences that show the number in its own element. */
export function nounFor(count: number, one: string, many = `${one}s`): string {
  return rules.select(count) === "one" ? one : many;
}
