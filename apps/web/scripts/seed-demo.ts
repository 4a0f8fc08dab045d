import { countSessionsByStatus, seedAutoCheckoutShowcase, seedSessionCheckoutDemo } from "@calcom/app-store/session-checkout/lib/demo/seed-demo";
import { installApp, installedCount } from "@calcom/app-store/_utils/installApp";
import type { PrismaClient } from "@calcom/prisma";
import { DEMO_PASSWORD } from "@calcom/prisma/seed/demo-plan";
import { seedCalcomDemo } from "@calcom/prisma/seed";

/** The whole demo: Cal.com's data, the app installed for the hosts, and the app's own demo state. */
export async function seedDemo(prisma: PrismaClient) {
  const demo = await seedCalcomDemo(prisma);
  const hostIds = [demo.users.dana.id, demo.users.sam.id];

  // Installed the way a host installs it from the App Store; Morgan has not installed it.
  for (const user of [demo.users.dana, demo.users.sam, demo.users.alex]) {
    if ((await installedCount(prisma, { userId: user.id, slug: "session-checkout" })) === 0) await installApp(prisma, { user, slug: "session-checkout" });
  }

  await seedSessionCheckoutDemo(prisma, { hostIds, surveyHostIds: [demo.users.dana.id] });
  return { demo, password: DEMO_PASSWORD, statusCounts: await countSessionsByStatus(prisma, hostIds) };
}

/** Dana's auto-checkout showcase, due `leadSeconds` from now: made right before the web app starts, so it falls due while someone watches. */
export async function seedLiveShowcase(prisma: PrismaClient, leadSeconds: number) {
  const dana = await prisma.user.findUniqueOrThrow({ where: { email: "dana@example.com" }, select: { id: true } });
  return seedAutoCheckoutShowcase(prisma, { hostId: dana.id, dueAt: new Date(Date.now() + leadSeconds * 1000) });
}
