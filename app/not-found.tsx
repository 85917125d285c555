import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-2">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-muted-foreground">
        Go to{" "}
        <Link className="underline" href="/compose">
          Compose
        </Link>{" "}
        or{" "}
        <Link className="underline" href="/history">
          History
        </Link>
        .
      </p>
    </div>
  );
}
