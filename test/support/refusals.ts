import { TRPCError } from "@trpc/server";

/** The TRPCError a call was refused with; fails the test when the call succeeded or threw anything else. */
export async function refusalOf(call: Promise<unknown>): Promise<TRPCError> {
  const outcome = await call.then(
    () => new Error("Expected a refusal, but the call succeeded."),
    (error: unknown) => error,
  );
  if (outcome instanceof TRPCError) return outcome;
  throw outcome;
}

/** "OK" when the call succeeded, else the tRPC code it was refused with. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}
