import bcrypt from "bcryptjs";
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@calcom/prisma";

export const SURFACE_PASSWORD = "surface-test-password";

/** A host of its own (no app installed), so a test's failed sign-ins or installs touch no demo account. */
export async function freshUser(prisma: PrismaClient, label: string): Promise<{ id: number; email: string }> {
  const email = `${label}-${randomUUID().slice(0, 8)}@surface.example`;
  // Cost 10, as the seed's hashes: the timing test compares against what real accounts cost.
  const hash = await bcrypt.hash(SURFACE_PASSWORD, 10);
  return prisma.user.create({ data: { email, name: label, timeZone: "Europe/Paris", password: { create: { hash } } }, select: { id: true, email: true } });
}
