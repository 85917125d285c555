/// <reference lib="webworker" />
// Parses and checks a broadcast's recipient list off the page's thread, so 10,000 rows never freeze the page.
import { parseRecipientCsv } from "@/lib/broadcasts/parse-csv";
import type { ColumnMapping, ListReport, ListRules, ParsedList } from "@/lib/broadcasts/recipient-list";
import { validateList } from "@/lib/broadcasts/validate-list";

export type WorkerRequest =
  | { type: "parse"; id: number; source: File | string }
  | { type: "validate"; id: number; mapping: ColumnMapping; rules: ListRules };

export type WorkerResponse =
  | { type: "parsed"; id: number; header: string[]; rowCount: number; errors: string[]; ms: number }
  | { type: "report"; id: number; report: ListReport; ms: number }
  | { type: "error"; id: number; message: string };

let list: ParsedList = { header: [], rows: [] };

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const started = performance.now();
  try {
    if (request.type === "parse") {
      const text = typeof request.source === "string" ? request.source : await request.source.text();
      const parsed = parseRecipientCsv(text);
      list = parsed.list;
      const response: WorkerResponse = {
        type: "parsed",
        id: request.id,
        header: list.header,
        rowCount: list.rows.length,
        errors: parsed.errors,
        ms: performance.now() - started,
      };
      self.postMessage(response);
    } else {
      const report = validateList(list, request.mapping, request.rules);
      const response: WorkerResponse = {
        type: "report",
        id: request.id,
        report,
        ms: performance.now() - started,
      };
      self.postMessage(response);
    }
  } catch (error) {
    const response: WorkerResponse = {
      type: "error",
      id: request.id,
      message: error instanceof Error ? error.message : String(error),
    };
    self.postMessage(response);
  }
};
