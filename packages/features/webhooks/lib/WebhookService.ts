import { getPrisma } from "@calcom/prisma";
import type { WebhookTriggerEvents } from "@calcom/prisma/enums";

import sendPayload from "./sendPayload";

/*
 * Cal.com's WebhookService (packages/features/webhooks/lib/WebhookService.ts), as much of it as
 * this host needs: the active subscriptions of a user, a team or an event type to one trigger, and
 * a payload sent to each of them; a failing subscriber is logged, never thrown.
 */

export type GetSubscriberOptions = {
  userId?: number | null;
  eventTypeId?: number | null;
  triggerEvent: WebhookTriggerEvents;
  teamId?: number | number[] | null;
  orgId?: number | null;
};

type WebhookSubscriber = { id: string; subscriberUrl: string; secret: string | null; version: string };

async function getWebhooks(options: GetSubscriberOptions): Promise<WebhookSubscriber[]> {
  const teamIds = (Array.isArray(options.teamId) ? options.teamId : [options.teamId]).filter((id): id is number => typeof id === "number");
  const owners = [
    ...(options.userId ? [{ userId: options.userId }] : []),
    ...(options.eventTypeId ? [{ eventTypeId: options.eventTypeId }] : []),
    ...(teamIds.length ? [{ teamId: { in: teamIds } }] : []),
  ];
  if (owners.length === 0) return [];
  return getPrisma().webhook.findMany({
    where: { active: true, eventTriggers: { has: options.triggerEvent }, OR: owners },
    select: { id: true, subscriberUrl: true, secret: true, version: true },
  });
}

export class WebhookService {
  private constructor(
    private options: GetSubscriberOptions,
    private webhooks: WebhookSubscriber[],
  ) {}

  static async init(options: GetSubscriberOptions) {
    return new WebhookService(options, await getWebhooks(options));
  }

  getWebhooks() {
    return this.webhooks;
  }

  async sendPayload(payload: unknown) {
    const createdAt = new Date().toISOString();
    await Promise.allSettled(
      this.webhooks.map((subscriber) =>
        sendPayload(subscriber.secret, this.options.triggerEvent, createdAt, subscriber, payload)
          .then((result) => {
            if (!result.ok) console.error(`[WebhookService] ${this.options.triggerEvent} to ${subscriber.subscriberUrl} answered ${result.status}.`);
          })
          .catch((error: unknown) => console.error(`[WebhookService] ${this.options.triggerEvent} to ${subscriber.subscriberUrl} failed: ${error instanceof Error ? error.message : String(error)}`)),
      ),
    );
  }
}
