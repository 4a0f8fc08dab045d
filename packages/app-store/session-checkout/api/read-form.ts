/** The most a public form may send: a 2,000-character comment, percent-encoded, with room to spare. */
export const FORM_MAX_BYTES = 32 * 1024;

/**
 * A public page's form body, read no further than `maxBytes` (a stranger's 50 MB POST is refused
 * after 32 KB, not buffered whole). Both encodings a browser or mail provider sends are understood
 * (RFC 8058 allows multipart for the one-click POST). Null for a body that is not a form.
 */
export async function readForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormData | "too-large" | null> {
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
      await reader.cancel();
      return "too-large";
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (body.set(chunk, offset), offset + chunk.byteLength), 0);
  return new Response(body, { headers: { "content-type": request.headers.get("content-type") ?? "application/x-www-form-urlencoded" } }).formData().catch(() => null);
}
