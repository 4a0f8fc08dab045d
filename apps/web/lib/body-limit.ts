import { NextRequest } from "next/server";

/** The most a tRPC call or an integration request may send: a 10,000-character note is ~60 KB as JSON at worst. */
export const MAX_BODY_BYTES = 256 * 1024;

export const tooLargeMessage = (maxBytes: number) => `The request is larger than the ${Math.round(maxBytes / 1024)} KB this server accepts. Send less at a time.`;

/**
 * Reads a request's body, refusing it as soon as it passes `maxBytes`: a declared Content-Length is
 * refused before a byte is read, and a chunked body is counted while it streams, so a 50 MB upload
 * never sits in memory. Returns the bytes (null for no body) or "too-large".
 */
export async function readCappedBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer> | null | "too-large"> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) return "too-large";
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The same request with its body already read into memory (a body can be read only once); a NextRequest, as handlers expect. */
export function withBody(request: Request, body: Uint8Array<ArrayBuffer> | null, url: string | URL = request.url): NextRequest {
  const hasBody = body !== null && request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(url, { method: request.method, headers: request.headers, body: hasBody ? body : undefined, signal: request.signal });
}
