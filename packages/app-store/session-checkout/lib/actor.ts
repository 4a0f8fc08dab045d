import type { App_SessionCheckout_Method } from "@calcom/prisma/enums";

/** Who changes a session: a signed-in user, or the auto-checkout job. */
export type Actor = { kind: "user"; userId: number } | { kind: "auto-checkout" };

export type CheckoutMethod = App_SessionCheckout_Method;

export const AUTO_CHECKOUT_ACTOR: Actor = { kind: "auto-checkout" };

export function actorColumns(actor: Actor): { actorType: "USER" | "AUTO_CHECKOUT"; actorUserId: number | null } {
  return actor.kind === "user"
    ? { actorType: "USER", actorUserId: actor.userId }
    : { actorType: "AUTO_CHECKOUT", actorUserId: null };
}

export function actorUserId(actor: Actor): number | null {
  return actor.kind === "user" ? actor.userId : null;
}
