"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const LINKS = [
  { href: "/compose", label: "Compose" },
  { href: "/history", label: "History" },
  { href: "/broadcasts", label: "Broadcasts" },
];

const ADMIN_LINKS = [
  { href: "/users", label: "Users" },
  { href: "/settings", label: "Settings" },
  { href: "/audit", label: "Audit" },
];

export function AppNav({ admin, className }: { admin: boolean; className?: string }) {
  const pathname = usePathname();
  return (
    // Wraps onto a second row rather than pushing the page wider than a small phone, or hiding a link off screen.
    <nav aria-label="Main" className={cn("flex flex-wrap items-center gap-y-1 sm:gap-x-1", className)}>
      {[...LINKS, ...(admin ? ADMIN_LINKS : [])].map((link) => {
        const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
        return (
          <Link
            key={link.href}
            href={link.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "shrink-0 rounded-md px-2 py-1.5 text-sm font-medium sm:px-3 hover:bg-muted hover:text-foreground",
              active ? "bg-muted text-foreground" : "text-muted-foreground",
            )}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
