"use client";

import { createTRPCReact } from "@trpc/react-query";

import type { AppRouter } from "../server";

/**
 * The browser side of the API, as Cal.com's `@calcom/trpc/react` exports it: the classic proxy,
 * `trpc.viewer.….useQuery(…)` / `.useMutation(…)`, and `trpc.useUtils()` to invalidate or set what
 * is cached. The host's providers create its client and wrap the pages in `trpc.Provider`.
 */
export const trpc = createTRPCReact<AppRouter>();
