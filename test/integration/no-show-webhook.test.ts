import { createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { callerFor, factories } from "../support/factories";
import { useTestDatabase } from "../support/test-database";

/*
 * A no-show changed in the app sends what Cal.com's own sends: BOOKING_NO_SHOW_UPDATED, Cal.com's
 * payload, signed with the subscription's secret (X-Cal-Signature-256), to a real HTTP receiver
 * that checks the signature. A receiver that fails or does not answer never holds up the no-show.
 */
const { prisma, url } = await useTestDatabase();
// Cal.com's sending module reads subscriptions through the process-wide client.
process.env.DATABASE_URL = url;
const make = factories(prisma);

type Received = { signature: string | undefined; version: string | undefined; body: string };
const received: Received[] = [];
let receiverStatus = 200;
let receiver: Server;
let receiverUrl = "";

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

beforeAll(async () => {
  receiver = createServer(async (request, response) => {
    const body = await readBody(request);
    received.push({ signature: request.headers["x-cal-signature-256"] as string | undefined, version: request.headers["x-cal-webhook-version"] as string | undefined, body });
    response.writeHead(receiverStatus).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

async function subscribedHost(secret: string, subscriberUrl = receiverUrl) {
  const host = await make.user();
  const eventType = await make.eventType({ userId: host.id });
  await prisma.webhook.create({ data: { id: randomUUID(), userId: host.id, subscriberUrl, secret, eventTriggers: ["BOOKING_NO_SHOW_UPDATED"] } });
  return { host, eventType };
}

describe("BOOKING_NO_SHOW_UPDATED, as Cal.com sends it", () => {
  it("marking and clearing a no-show each send Cal.com's payload, signed with the subscription's secret", async () => {
    const secret = "a-shared-secret";
    const { host, eventType } = await subscribedHost(secret);
    const booking = await make.booking({ hostId: host.id, eventTypeId: eventType.id, attendees: [{ email: "ada@client.example" }, { email: "bo@client.example" }] });
    received.length = 0;

    await callerFor(prisma, host).markNoShow({ bookingId: booking.id, attendeeEmails: ["Ada@Client.example"] });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const [marked] = received;
    // The receiver checks the signature as a subscriber would.
    expect(marked!.signature).toBe(createHmac("sha256", secret).update(marked!.body).digest("hex"));
    expect(marked!.version).toBe("2021-10-20");
    const body = JSON.parse(marked!.body) as { triggerEvent: string; createdAt: string; payload: unknown };
    expect(body.triggerEvent).toBe("BOOKING_NO_SHOW_UPDATED");
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
    expect(body.payload).toEqual({ message: "ada@client.example marked as no-show", bookingUid: booking.uid, bookingId: booking.id, attendees: [{ email: "ada@client.example", noShow: true }] });

    await callerFor(prisma, host).clearNoShow({ bookingId: booking.id });
    await vi.waitFor(() => expect(received).toHaveLength(2));
    expect(JSON.parse(received[1]!.body).payload).toMatchObject({ message: "No-show updated", attendees: [{ email: "ada@client.example", noShow: false }, { email: "bo@client.example", noShow: false }] });
  });

  it("a failing or unreachable receiver never holds up or undoes the no-show; other hosts' subscriptions hear nothing", async () => {
    const { host, eventType } = await subscribedHost("s", "http://127.0.0.1:9/nobody-listens");
    const booking = await make.booking({ hostId: host.id, eventTypeId: eventType.id });
    const other = await subscribedHost("other");
    received.length = 0;
    receiverStatus = 500;
    try {
      const started = performance.now();
      const result = await callerFor(prisma, host).markNoShow({ bookingId: booking.id });
      expect(result.status).toBe("NO_SHOW");
      expect(performance.now() - started).toBeLessThan(2_000);
      expect((await prisma.attendee.findFirstOrThrow({ where: { bookingId: booking.id } })).noShow).toBe(true);
      // The other host's receiver (this file's) gets nothing for a session not theirs.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received).toHaveLength(0);

      // A subscriber that answers 500 is logged, and the no-show stands.
      const theirs = await make.booking({ hostId: other.host.id, eventTypeId: other.eventType.id });
      await callerFor(prisma, other.host).markNoShow({ bookingId: theirs.id });
      await vi.waitFor(() => expect(received).toHaveLength(1));
      expect((await prisma.attendee.findFirstOrThrow({ where: { bookingId: theirs.id } })).noShow).toBe(true);
    } finally {
      receiverStatus = 200;
    }
  });
});
