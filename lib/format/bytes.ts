import { countOf } from "./plural";

const units = ["kilobyte", "megabyte", "gigabyte"] as const;
const formats = units.map(
  (unit) =>
    new Intl.NumberFormat("en", { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }),
);

/** "812 bytes", "14.2 kB", "3.1 MB": a file's size in the largest unit that keeps it at 1 or more (1 kB = 1,000 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return countOf(bytes, "byte");
  let index = 0;
  let value = bytes / 1000;
  while (value >= 1000 && index < units.length - 1) {
    value /= 1000;
    index += 1;
  }
  return formats[index]!.format(value);
}
