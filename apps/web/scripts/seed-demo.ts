import { countSessionsByStatus, seedSessionCheckoutDemo } from "@calcom/app-store/session-checkout/lib/demo/seed-demo";
import addHandler from "@calcom/app-store/session-checkout/api/add";
import appConfig from "@calcom/app-store/session-checkout/config.json";
import type { PrismaClient } from "@calcom/prisma";
import { DEMO_PASSWORD } from "@calcom/prisma/seed/demo-plan";
import { seedCalcomDemo } from "@calcom/prisma/seed";

/** The whole demo: Cal.com's data, the app installed for the hosts, and the app's own demo state. */
export async function seedDemo(prisma: PrismaClient) {
  const demo = await seedCalcomDemo(prisma);
  const hostIds = [demo.users.dana.id, demo.users.sam.id];

  await prisma.app.upsert({
    where: { slug: appConfig.slug },
    create: { slug: appConfig.slug, dirName: appConfig.slug, categories: ["other", "analytics"], enabled: true },
    update: {},
  });
  for (const user of [demo.users.dana, demo.users.sam, demo.users.alex]) {
    const installed = await prisma.credential.count({ where: { userId: user.id, appId: appConfig.slug } });
    if (!installed) await addHandler.createCredential({ user, appType: appConfig.type, slug: appConfig.slug });
  }

  await seedSessionCheckoutDemo(prisma, { hostIds, surveyHostIds: [demo.users.dana.id] });
  return { demo, password: DEMO_PASSWORD, statusCounts: await countSessionsByStatus(prisma, hostIds) };
}
