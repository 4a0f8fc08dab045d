/** Below this, gzip makes an answer no smaller (the compression middleware's own threshold). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * The answer read whole; one under 1 KB (most tRPC answers: a checkout's is ~150 bytes) is marked
 * `no-transform`, so Next does not gzip it. Next drops a route's Content-Length, so its compression
 * cannot see the size and gzipped every answer — about a tenth of a checkout's CPU, for nothing.
 * Only for answers that are not streamed (the app's client is httpBatchLink).
 */
export async function uncompressedWhenSmall(response: Response): Promise<Response> {
  const body = await response.arrayBuffer();
  if (body.byteLength >= COMPRESS_FROM_BYTES) return new Response(body, response);
  const headers = new Headers(response.headers);
  const cacheControl = headers.get("cache-control");
  headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}
