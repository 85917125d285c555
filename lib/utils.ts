import { clsx, type ClassValue } from "clsx";

/**
 * Class names joined (clsx). Unlike shadcn's `cn`, conflicting Tailwind classes are not merged: tailwind-merge would
 * weigh on every page (docs/development.md#what-moved-the-figures). A component that lets `className` override one of
 * its own utilities must not set that utility itself; where a state changes a utility, the component picks one class or
 * the other.
 */
export function cn(...inputs: ClassValue[]) {
  return clsx(inputs);
}

/** A row id from an address (`/history/12`): a positive whole number, or null for anything else. */
export function parseId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,15}$/.test(value)) return null;
  const id = Number(value);
  return id > 0 ? id : null;
}
