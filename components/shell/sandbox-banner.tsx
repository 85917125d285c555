export const SANDBOX_NOTICE = "Sandbox: messages are not delivered";

export function SandboxBanner() {
  return (
    <div className="border-b border-amber-300 bg-amber-50 px-4 py-2 text-center text-sm text-amber-950">
      <strong>{SANDBOX_NOTICE}</strong>. Bellhop answers with its built-in Callbell simulator because no{" "}
      <code className="font-mono">CALLBELL_API_TOKEN</code> is set.
    </div>
  );
}
