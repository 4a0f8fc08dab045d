import { request as httpRequest } from "node:http";

/** Cookies from Set-Cookie headers, as one Cookie header (name=value pairs only). */
export function cookieHeader(response: Response, previous = ""): string {
  const jar = new Map(previous ? previous.split("; ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)] as const) : []);
  for (const line of response.headers.getSetCookie()) {
    const pair = line.split(";", 1)[0]!;
    jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

export interface SignInResult {
  status: number;
  /** next-auth's answer: { url } with ?error=… on a refusal; ours adds { message } when limited. */
  body: { url?: string; message?: string };
  cookies: string;
  setCookies: string[];
  ms: number;
}

/** A credentials sign-in over HTTP, as next-auth's signIn() does it: CSRF token, then the form. */
/** `decoyEmail`: sent as a first, repeated email field (next-auth reads the last one). */
export async function signInOverHttp(baseUrl: string, email: string, password: string, { decoyEmail }: { decoyEmail?: string } = {}): Promise<SignInResult> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = cookieHeader(csrf);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams([["csrfToken", csrfToken], ...(decoyEmail ? [["email", decoyEmail]] : []), ["email", email], ["password", password], ["json", "true"], ["callbackUrl", `${baseUrl}/calendar`]]),
    redirect: "manual",
  });
  const body = (await response.json()) as SignInResult["body"];
  const ms = performance.now() - started;
  return { status: response.status, body, cookies: cookieHeader(response, cookies), setCookies: response.headers.getSetCookie(), ms };
}

/**
 * A chunked POST (no Content-Length) that sends `chunkBytes` at a time and never ends on its own:
 * resolves with the status the server answers while the body is still being sent, and how much
 * had been written by then.
 */
export function streamUntilAnswered(url: string, { headers = {}, chunkBytes = 64 * 1024, maxBytes = 8 * 1024 * 1024 } = {}): Promise<{ status: number; body: string; bytesSent: number }> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let answered = false;
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json", ...headers } }, (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, bytesSent });
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(chunkBytes, "a");
    const writeMore = () => {
      if (answered) return;
      if (bytesSent >= maxBytes) return reject(new Error(`The server read ${bytesSent} bytes without answering.`));
      bytesSent += chunk.byteLength;
      req.write(chunk);
      setTimeout(writeMore, 20);
    };
    writeMore();
  });
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
