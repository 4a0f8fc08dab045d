import type { BookingStatus } from "../generated/prisma/enums";

/*
 * The demo world, as data. Times are relative to the day the seed runs; uids are fixed, so a
 * second run finds every row and adds nothing.
 */

export const DEMO_PASSWORD = "session-checkout-demo";

export const DEMO_USERS = [
  { key: "dana", name: "Dana Reyes", email: "dana@example.com", timeZone: "Europe/Paris", timeFormat: 24, brandColor: "#0E7490", username: "dana" },
  { key: "sam", name: "Sam Okafor", email: "sam@example.com", timeZone: "America/New_York", timeFormat: 12, brandColor: "#7C3AED", username: "sam" },
  { key: "alex", name: "Alex Kim", email: "alex@example.com", timeZone: "Europe/London", timeFormat: 24, brandColor: "#B45309", username: "alex" },
  { key: "morgan", name: "Morgan Lee", email: "morgan@example.com", timeZone: "Europe/London", timeFormat: 24, brandColor: null, username: "morgan" },
] as const;
export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

export const DEMO_TEAM = {
  name: "Harbor Wellness Studio",
  slug: "harbor-wellness",
  brandColor: "#047857",
  members: [
    { user: "alex", role: "ADMIN" },
    { user: "dana", role: "MEMBER" },
    { user: "morgan", role: "MEMBER" },
  ],
} as const;

export const DEMO_EVENT_TYPES = [
  { key: "coaching", owner: "dana", team: false, title: "Coaching Session", slug: "coaching", length: 60, price: 9000, currency: "usd" },
  { key: "intro", owner: "dana", team: false, title: "Intro Call", slug: "intro", length: 30, price: 0, currency: "usd" },
  { key: "tutoring", owner: "sam", team: false, title: "Tutoring", slug: "tutoring", length: 45, price: 5000, currency: "eur" },
  { key: "workshop", owner: null, team: true, title: "Group Workshop", slug: "group-workshop", length: 90, price: 4500, currency: "eur" },
] as const;
export type DemoEventTypeKey = (typeof DEMO_EVENT_TYPES)[number]["key"];

export const DEMO_CLIENTS = [
  { name: "Priya Nair", email: "priya@client.example", timeZone: "Europe/Berlin" },
  { name: "Tom Becker", email: "tom@client.example", timeZone: "Europe/Berlin" },
  { name: "Lucia Romero", email: "lucia@client.example", timeZone: "Europe/Madrid" },
  { name: "Jonas Weber", email: "jonas@client.example", timeZone: "Europe/Vienna" },
  { name: "Aisha Bello", email: "aisha@client.example", timeZone: "Africa/Lagos" },
  { name: "Chen Wei", email: "chen@client.example", timeZone: "Asia/Singapore" },
  { name: "Emma Dubois", email: "emma@client.example", timeZone: "Europe/Paris" },
  { name: "Noah Smith", email: "noah@client.example", timeZone: "America/Chicago" },
] as const;

export interface DemoBooking {
  uid: string;
  host: DemoUserKey;
  eventType: DemoEventTypeKey;
  dayOffset: number;
  startHourUtc: number;
  status: BookingStatus;
  clientIndexes: number[];
}

// Cycled through to cover every Cal.com status; past sessions are mostly accepted, as in life.
const STATUS_CYCLE: BookingStatus[] = [
  "ACCEPTED", "ACCEPTED", "ACCEPTED", "CANCELLED", "ACCEPTED", "ACCEPTED", "PENDING", "ACCEPTED", "REJECTED", "ACCEPTED", "AWAITING_HOST", "ACCEPTED",
];

function solo(host: DemoUserKey, eventTypes: DemoEventTypeKey[], count: number, prefix: string, firstDay: number, lastDay: number): DemoBooking[] {
  return Array.from({ length: count }, (_, i) => ({
    uid: `${prefix}-${String(i + 1).padStart(3, "0")}`,
    host,
    eventType: eventTypes[i % eventTypes.length]!,
    dayOffset: firstDay + Math.floor((i * (lastDay - firstDay + 1)) / count),
    startHourUtc: 8 + ((i * 3) % 9),
    status: STATUS_CYCLE[i % STATUS_CYCLE.length]!,
    clientIndexes: [i % DEMO_CLIENTS.length],
  }));
}

export const DEMO_BOOKINGS: DemoBooking[] = [
  ...solo("dana", ["coaching", "coaching", "intro"], 42, "demo-dana", -28, 13),
  ...solo("sam", ["tutoring"], 20, "demo-sam", -28, 13),
  // Group sessions of the team, hosted by Dana, three attendees each.
  ...[-20, -9, -2, 5].map((dayOffset, i) => ({
    uid: `demo-workshop-${i + 1}`,
    host: "dana" as const,
    eventType: "workshop" as const,
    dayOffset,
    startHourUtc: 15,
    status: "ACCEPTED" as const,
    clientIndexes: [i % 8, (i + 3) % 8, (i + 5) % 8],
  })),
];
