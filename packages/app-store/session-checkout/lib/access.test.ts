import { describe, expect, it } from "vitest";

import { mayActOnBooking, type BookingOwnership } from "./access";
import type { MembershipRole } from "@calcom/prisma/enums";

const CALLER = 7;
const SOMEONE_ELSE = 8;
const TEAM = 42;

type Membership = { role: MembershipRole; accepted: boolean } | null;

describe("mayActOnBooking", () => {
  it.each<{ name: string; booking: BookingOwnership; membership: Membership; allowed: boolean }>([
    // The booking's host
    { name: "host of a personal booking", booking: { userId: CALLER, teamId: null }, membership: null, allowed: true },
    { name: "host of a team booking, no membership given", booking: { userId: CALLER, teamId: TEAM }, membership: null, allowed: true },
    { name: "host of a team booking who is a MEMBER", booking: { userId: CALLER, teamId: TEAM }, membership: { role: "MEMBER", accepted: true }, allowed: true },
    { name: "host of a team booking with a pending membership", booking: { userId: CALLER, teamId: TEAM }, membership: { role: "MEMBER", accepted: false }, allowed: true },
    // Accepted ADMIN/OWNER of the booking's team
    { name: "accepted ADMIN of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: { role: "ADMIN", accepted: true }, allowed: true },
    { name: "accepted OWNER of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: { role: "OWNER", accepted: true }, allowed: true },
    { name: "accepted ADMIN of a team booking with no host user", booking: { userId: null, teamId: TEAM }, membership: { role: "ADMIN", accepted: true }, allowed: true },
    // Refused
    { name: "accepted MEMBER of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: { role: "MEMBER", accepted: true }, allowed: false },
    { name: "non-accepted ADMIN of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: { role: "ADMIN", accepted: false }, allowed: false },
    { name: "non-accepted OWNER of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: { role: "OWNER", accepted: false }, allowed: false },
    { name: "no membership of the booking's team", booking: { userId: SOMEONE_ELSE, teamId: TEAM }, membership: null, allowed: false },
    { name: "someone else's personal booking", booking: { userId: SOMEONE_ELSE, teamId: null }, membership: null, allowed: false },
    { name: "someone else's personal booking, even with an accepted OWNER membership", booking: { userId: SOMEONE_ELSE, teamId: null }, membership: { role: "OWNER", accepted: true }, allowed: false },
    { name: "someone else's personal booking, even with an accepted ADMIN membership", booking: { userId: SOMEONE_ELSE, teamId: null }, membership: { role: "ADMIN", accepted: true }, allowed: false },
    { name: "a personal booking with no host user", booking: { userId: null, teamId: null }, membership: null, allowed: false },
  ])("$name → $allowed", ({ booking, membership, allowed }) => {
    expect(mayActOnBooking(CALLER, booking, membership)).toBe(allowed);
  });
});
