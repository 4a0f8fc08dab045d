import type { TrpcSessionUserData } from "../../../types";

/** Cal.com's viewer.me.get, the slice the stand-in has: who is signed in and how they read dates and times. */
export const getHandler = ({ ctx }: { ctx: { user: TrpcSessionUserData } }) => ({
  id: ctx.user.id,
  name: ctx.user.name,
  email: ctx.user.email,
  timeZone: ctx.user.timeZone,
  timeFormat: ctx.user.timeFormat,
});

export default getHandler;
