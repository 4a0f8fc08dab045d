import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";

import type { TRPCContext } from "./createContext";

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  // A stack trace names the server's files: never sent, whatever NODE_ENV says (the server logs it).
  isDev: false,
  errorFormatter({ shape, error }) {
    // Bad input comes back with zod's field errors, so a form can show each one where it belongs.
    const zodError = error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? error.cause.flatten() : null;
    const { stack: _stack, ...data } = shape.data as typeof shape.data & { stack?: string };
    return { ...shape, data: { ...data, zodError } };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const publicProcedure = t.procedure;
export const createCallerFactory = t.createCallerFactory;
