import { router } from "../../../trpc";
import { ZInstallInputSchema } from "./install.schema";
import { installHandler } from "./install.handler";
import { listHandler } from "./list.handler";
import { appsProcedure as procedure } from "./procedure";
import { ZUninstallInputSchema } from "./uninstall.schema";
import { uninstallHandler } from "./uninstall.handler";

/** The App Store, read from the registry the app-store CLI builds. */
export const appsRouter = router({
  list: procedure.query(listHandler),
  install: procedure.input(ZInstallInputSchema).mutation(installHandler),
  uninstall: procedure.input(ZUninstallInputSchema).mutation(uninstallHandler),
});
