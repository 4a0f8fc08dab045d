import type { App_SessionCheckout_Method } from "@calcom/prisma/enums";

/** Who changes a session: a signed-in user, the auto-checkout job, or a client answering a survey. */
export type Actor = { kind: "user"; userId: number } | { kind: "auto-checkout" } | { kind: "client" };

export type CheckoutMethod = App_SessionCheckout_Method;

export const AUTO_CHECKOUT_ACTOR: Actor = { kind: "auto-checkout" };

export function actorColumns(actor: Actor): { actorType: "USER" | "AUTO_CHECKOUT" | "CLIENT"; actorUserId: number | null } {
  if (actor.kind === "user") return { actorType: "USER", actorUserId: actor.userId };
  return { actorType: actor.kind === "client" ? "CLIENT" : "AUTO_CHECKOUT", actorUserId: null };
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}
