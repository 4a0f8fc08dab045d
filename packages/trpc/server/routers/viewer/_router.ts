import sessionCheckoutRouter from "@calcom/app-store/session-checkout/trpc/_router";

import { router } from "../../trpc";
import { appsRouter } from "./apps/_router";
import { bookingsRouter } from "./bookings/_router";
import { meRouter } from "./me/_router";

/** Cal.com mounts each app's router under `viewer` with an `app<Name>` key, at the bottom. */
export const viewerRouter = router({
  me: meRouter,
  apps: appsRouter,
  bookings: bookingsRouter,
  appSessionCheckout: sessionCheckoutRouter,
});
