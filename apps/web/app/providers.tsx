"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { httpBatchLink } from "@trpc/client";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

import { trpc } from "@calcom/trpc/react";
import { Toaster } from "@calcom/ui/components/toast";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: false } } }));
  // A page sends far fewer calls at once than the server's batch limit (lib/trpc-limits.ts).
  const [trpcClient] = useState(() => trpc.createClient({ transformer: superjson, links: [httpBatchLink({ url: "/api/trpc" })] }));
  return (
    <trpc.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>
        {children}
        {/* Bottom centre, as Cal.com: at the top right they covered the calendar's Day/Week/Month buttons. */}
        <Toaster position="bottom-center" richColors closeButton />
      </QueryClientProvider>
    </trpc.Provider>
  );
}
