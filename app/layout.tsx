import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import Link from "next/link";
import { cookies, headers } from "next/headers";
import { connection } from "next/server";
import { AppNav } from "@/components/shell/app-nav";
import { ModeBanner, modeLabel } from "@/components/shell/mode-banner";
import { ForgetOthersWork, SignOutForm } from "@/components/shell/sign-out-form";
import { parseTheme, SYSTEM_THEME_SCRIPT, THEME_COOKIE } from "@/components/shell/theme";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { Button } from "@/components/ui/button";
import { Toaster } from "@/components/ui/toast";
import { currentUser } from "@/lib/auth/session";
import { cn } from "@/lib/utils";
import { currentConnectionView } from "@/lib/settings/settings";
import { signOutAction } from "./login/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Bellhop", template: "%s · Bellhop" },
  description: "Send WhatsApp, Instagram, Messenger and Telegram messages through Callbell",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The mode is read per request: the same build runs in sandbox or live, set by the environment or in Settings.
  await connection();
  const [view, user, cookieStore, requestHeaders] = await Promise.all([
    currentConnectionView(),
    currentUser(),
    cookies(),
    headers(),
  ]);
  const admin = user?.role === "admin";
  const theme = parseTheme(cookieStore.get(THEME_COOKIE)?.value);
  return (
    // The "system" theme's script may add `dark` before React hydrates: the class is expected to differ.
    <html
      lang="en"
      className={cn(GeistSans.variable, theme === "dark" && "dark")}
      data-theme={theme}
      suppressHydrationWarning
    >
      <head>
        {theme === "system" && (
          <script nonce={requestHeaders.get("x-nonce") ?? undefined}>{SYSTEM_THEME_SCRIPT}</script>
        )}
      </head>
      <body className="min-h-screen font-sans">
        {/* The mode and its reason (in live mode, the Callbell account's email) are for signed-in people only. */}
        {user && <ModeBanner view={view} admin={admin} />}
        {user && <ForgetOthersWork owner={user.id} />}
        <header className="border-b bg-card">
          {/* On a phone the links take a row of their own, under the name and Sign out. */}
          <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:gap-x-6">
            <Link href="/compose" className="flex items-center gap-2 font-semibold">
              {/* A plain img: next/image is a client component, shipped to every page, with nothing to optimise in an
                  SVG (docs/development.md#what-moved-the-figures). */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src="/bellhop.svg" alt="" width={24} height={24} />
              Bellhop
            </Link>
            {user && <AppNav admin={admin} className="order-last w-full md:order-none md:w-auto" />}
            <span
              className="ml-auto hidden text-xs text-muted-foreground sm:inline"
              data-mode={user ? view.mode : undefined}
            >
              {user && modeLabel(view)}
            </span>
            <ThemeToggle initial={theme} />
            {user && (
              <SignOutForm
                action={signOutAction}
                className="flex min-w-0 items-center gap-2 max-sm:flex-1 max-sm:justify-end"
              >
                {/* On a phone too, who is signed in (a shared device), cut to fit beside Sign out. */}
                <span
                  data-testid="signed-in-as"
                  title={user.email}
                  className="min-w-0 truncate text-xs text-muted-foreground sm:max-w-64"
                >
                  {user.email}
                </span>
                <Button type="submit" variant="outline" size="sm">
                  Sign out
                </Button>
              </SignOutForm>
            )}
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
        <Toaster />
      </body>
    </html>
  );
}
