"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ColumnMapping, ListReport, ListRules } from "@/lib/broadcasts/recipient-list";
import type { WorkerRequest, WorkerResponse } from "./list-worker";

export type Parsed = { header: string[]; rowCount: number; errors: string[]; ms: number };

/** The list worker, one per wizard: `parse` a file or pasted text, then `validate` it with a mapping. */
export function useListWorker() {
  const worker = useRef<Worker | null>(null);
  const lastId = useRef(0);
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [report, setReport] = useState<(ListReport & { ms: number }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const instance = new Worker(new URL("./list-worker.ts", import.meta.url), { type: "module" });
    instance.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const response = event.data;
      // Only the latest request counts: an older answer arriving late is dropped.
      if (response.id !== lastId.current) return;
      setBusy(false);
      if (response.type === "error") setError(response.message);
      else if (response.type === "parsed") {
        setError(null);
        setReport(null);
        setParsed({
          header: response.header,
          rowCount: response.rowCount,
          errors: response.errors,
          ms: response.ms,
        });
      } else setReport({ ...response.report, ms: response.ms });
    };
    worker.current = instance;
    return () => instance.terminate();
  }, []);

  type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, "id"> : never) : never;
  const post = useCallback((request: Request) => {
    lastId.current += 1;
    setBusy(true);
    worker.current?.postMessage({ ...request, id: lastId.current } as WorkerRequest);
  }, []);

  const parse = useCallback((source: File | string) => post({ type: "parse", source }), [post]);
  const validate = useCallback(
    (mapping: ColumnMapping, rules: ListRules) => post({ type: "validate", mapping, rules }),
    [post],
  );
  const clear = useCallback(() => {
    lastId.current += 1;
    setParsed(null);
    setReport(null);
    setBusy(false);
  }, []);

  return { parsed, report, busy, error, parse, validate, clear };
}
