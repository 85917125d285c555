export default function ComposeLoading() {
  return (
    <div aria-busy="true" aria-label="Loading the compose form" className="mx-auto grid max-w-3xl gap-4">
      <div className="h-8 w-40 animate-pulse rounded bg-muted" />
      {Array.from({ length: 5 }, (_, index) => (
        <div key={index} className="h-12 animate-pulse rounded-md bg-muted" />
      ))}
    </div>
  );
}
