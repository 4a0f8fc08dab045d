"use client";

import { createTRPCContext } from "@trpc/tanstack-react-query";

import type { AppRouter } from "../server";

/** The browser side of the API: `const trpc = useTRPC()`, then TanStack Query's hooks with `trpc.viewer.….queryOptions(…)`. */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
