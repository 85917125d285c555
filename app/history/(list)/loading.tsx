export default function Loading() {
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-3">
      <div className="h-7 w-48 animate-pulse rounded bg-muted" />
      <div className="h-64 animate-pulse rounded-lg bg-muted" />
    </div>
  );
}
