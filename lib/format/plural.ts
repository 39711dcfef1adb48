// The one place that picks a singular or plural word for a count ("1 finding", "3 findings").
const rules = new Intl.PluralRules("en-US");
const count = new Intl.NumberFormat("en-US");

/** The word for n: plural(1, "finding", "findings") → "finding". */
export function plural(n: number, one: string, other: string): string {
  return rules.select(n) === "one" ? one : other;
}

/** The count and its word: countOf(2993, "flight", "flights") → "2,993 flights". */
export function countOf(n: number, one: string, other: string): string {
  return `${count.format(n)} ${plural(n, one, other)}`;
}
