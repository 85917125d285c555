/** The reader's colour scheme: a cookie, so that the server renders the chosen one and nothing flashes. */
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "bellhop-theme";

export function parseTheme(value: string | undefined): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}

/**
 * Run in <head> before the first paint when the theme is "system": the server cannot know the reader's
 * prefers-color-scheme, so the page would flash light for a dark-mode reader.
 */
export const SYSTEM_THEME_SCRIPT =
  "if(matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')";
