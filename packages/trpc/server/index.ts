import { viewerRouter } from "./routers/viewer/_router";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({ viewer: viewerRouter });
export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
export { createContext, type TRPCContext } from "./createContext";
export type { TrpcSessionUser, TrpcSessionUserData } from "./types";
