// Made on first use, not when the module loads: building Intl's rules and number format costs a phone about 25 ms,
// in the task that hydrates every page that imports this, most of which count nothing until later.
let rules: Intl.PluralRules | undefined;
let numbers: Intl.NumberFormat | undefined;
const plural = (count: number) => (rules ??= new Intl.PluralRules("en")).select(count);

/**
 * "1 row", "2 rows", "1,204 recipients": a count with its noun agreeing, by `Intl.PluralRules` (never "row(s)").
 * `many` is the plural when it is not the noun plus "s" ("1 reply", "2 replies").
 */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${(numbers ??= new Intl.NumberFormat("en")).format(count)} ${plural(count) === "one" ? one : many}`;
}

/** The noun alone, agreeing with `count`: for sentences that show the number in its own element. */
export function nounFor(count: number, one: string, many = `${one}s`): string {
  return plural(count) === "one" ? one : many;
}
