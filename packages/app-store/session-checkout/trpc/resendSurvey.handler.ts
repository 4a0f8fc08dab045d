import { resendSurvey } from "../lib/services/survey-resend";
import type { TResendSurveyInputSchema } from "./resendSurvey.schema";
import type { AuthedHandlerContext } from "./session-action";

export const resendSurveyHandler = ({ ctx, input }: { ctx: AuthedHandlerContext; input: TResendSurveyInputSchema }) =>
  resendSurvey(ctx.prisma, { bookingId: input.bookingId, attendeeEmail: input.attendeeEmail, callerId: ctx.user.id });

export default resendSurveyHandler;
