import authedProcedure from "../../../procedures/authedProcedure";
import { router } from "../../../trpc";
import { ZListInputSchema } from "./list.schema";
import { listHandler } from "./list.handler";
import { ZRescheduleInputSchema } from "./reschedule.schema";
import { rescheduleHandler } from "./reschedule.handler";

export const bookingsRouter = router({
  list: authedProcedure.input(ZListInputSchema).query(listHandler),
  reschedule: authedProcedure.input(ZRescheduleInputSchema).mutation(rescheduleHandler),
});
