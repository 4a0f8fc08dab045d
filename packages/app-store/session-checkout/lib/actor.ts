import type { App_SessionCheckout_Method } from "@calcom/prisma/enums";

/** Who changes a session: a signed-in user, the auto-checkout job, or a client answering a survey. */
export type Actor = { kind: "user"; userId: number } | { kind: "auto-checkout" } | { kind: "client" } | { kind: "system" };

export type CheckoutMethod = App_SessionCheckout_Method;

export const AUTO_CHECKOUT_ACTOR: Actor = { kind: "auto-checkout" };

const ACTOR_TYPES = { "auto-checkout": "AUTO_CHECKOUT", client: "CLIENT", system: "SYSTEM" } as const;

export function actorColumns(actor: Actor): { actorType: "USER" | (typeof ACTOR_TYPES)[keyof typeof ACTOR_TYPES]; actorUserId: number | null } {
  if (actor.kind === "user") return { actorType: "USER", actorUserId: actor.userId };
  return { actorType: ACTOR_TYPES[actor.kind], actorUserId: null };
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}
