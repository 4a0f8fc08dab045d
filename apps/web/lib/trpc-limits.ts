/** The most calls one tRPC batch may carry (checked before tRPC reads the request; a page sends far fewer at once). */
export const MAX_BATCH_CALLS = 20;

/** How many procedures a /api/trpc/<a,b,c>?batch=1 request names. */
export function batchCallCount(url: URL): number {
  if (url.searchParams.get("batch") !== "1") return 1;
  const path = url.pathname.replace(/^\/api\/trpc\/?/, "");
  return path.split(",").length;
}

/**
 * A refusal in tRPC's own error shape (one entry per call for a batch), so the app's tRPC client
 * shows the message instead of failing to parse the answer.
 */
export function trpcRefusal(url: URL, status: 400 | 403 | 413, code: "BAD_REQUEST" | "FORBIDDEN" | "PAYLOAD_TOO_LARGE", message: string): Response {
  const error = { error: { json: { message, code: status === 403 ? -32003 : status === 413 ? -32013 : -32600, data: { code, httpStatus: status } } } };
  const isBatch = url.searchParams.get("batch") === "1";
  // Bounded: the number of calls comes from the URL, which the server caps in length.
  const body = isBatch ? Array.from({ length: Math.min(batchCallCount(url), 1000) }, () => error) : error;
  return Response.json(body, { status });
}
