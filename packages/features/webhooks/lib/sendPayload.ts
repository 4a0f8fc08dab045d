import { createHmac } from "node:crypto";

/*
 * Cal.com's webhook delivery (packages/features/webhooks/lib/sendPayload.ts): a JSON body
 * { triggerEvent, createdAt, payload }, signed with the subscription's secret in
 * X-Cal-Signature-256 (HMAC-SHA256 of the body, hex), the payload version in X-Cal-Webhook-Version.
 */

export interface WebhookForPayload {
  subscriberUrl: string;
  version: string;
}

export const createWebhookSignature = (params: { secret?: string | null; body: string }) =>
  params.secret ? createHmac("sha256", params.secret).update(params.body).digest("hex") : "no-secret-provided";

/** A receiver that does not answer within this long is given up on (never holding anything else up). */
const SEND_TIMEOUT_MS = 10_000;

export default async function sendPayload(secretKey: string | null, triggerEvent: string, createdAt: string, webhook: WebhookForPayload, data: unknown) {
  const body = JSON.stringify({ triggerEvent, createdAt, payload: data });
  const response = await fetch(webhook.subscriberUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Cal-Signature-256": createWebhookSignature({ secret: secretKey, body }), "X-Cal-Webhook-Version": webhook.version },
    redirect: "manual",
    body,
    signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
  });
  return { ok: response.ok, status: response.status };
}
