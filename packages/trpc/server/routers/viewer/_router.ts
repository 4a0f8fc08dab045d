import sessionCheckoutRouter from "@calcom/app-store/session-checkout/trpc/_router";

import { router } from "../../trpc";

/** Cal.com mounts each app's router under `viewer` with an `app<Name>` key. */
export const viewerRouter = router({
  appSessionCheckout: sessionCheckoutRouter,
});
