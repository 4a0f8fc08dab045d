"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

import { TRPCProvider } from "@calcom/trpc/react";
import type { AppRouter } from "@calcom/trpc/server";
import { Toaster } from "@calcom/ui/components/toast";

// The server refuses bigger batches (lib/trpc-limits.ts): the client splits at the same number.
import { MAX_BATCH_CALLS } from "../lib/trpc-limits";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: false } } }));
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: MAX_BATCH_CALLS })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
        <Toaster position="top-right" richColors closeButton />
      </TRPCProvider>
    </QueryClientProvider>
  );
}
