"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { READ_MAX_ATTEMPTS } from "@/lib/callbell/read-attempts";
import { HttpError } from "@/lib/http/fetch-json";

/** Mounted only where queries run, so other routes do not ship TanStack Query. */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 0,
            refetchOnWindowFocus: true,
            // The retry policy's count for reads. A 4xx will not change by asking again; a 5xx or a dropped
            // connection might.
            retry: (failures, error) =>
              failures + 1 < READ_MAX_ATTEMPTS && !(error instanceof HttpError && error.status < 500),
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
