import { router } from "@calcom/trpc/server/trpc";

import { ZAddNoteInputSchema } from "./addNote.schema";
import { addNoteHandler } from "./addNote.handler";
import { ZBulkCheckoutInputSchema } from "./bulkCheckout.schema";
import { bulkCheckoutHandler } from "./bulkCheckout.handler";
import { ZCheckoutInputSchema } from "./checkout.schema";
import { checkoutHandler } from "./checkout.handler";
import { ZClearNoShowInputSchema } from "./clearNoShow.schema";
import { clearNoShowHandler } from "./clearNoShow.handler";
import { ZClientHistoryInputSchema } from "./clientHistory.schema";
import { clientHistoryHandler } from "./clientHistory.handler";
import { ZDeleteNoteInputSchema } from "./deleteNote.schema";
import { deleteNoteHandler } from "./deleteNote.handler";
import { ZGetSessionInputSchema } from "./getSession.schema";
import { getSessionHandler } from "./getSession.handler";
import { getSettingsHandler } from "./getSettings.handler";
import { ZListNotesInputSchema } from "./listNotes.schema";
import { listNotesHandler } from "./listNotes.handler";
import { ZListSessionsInputSchema } from "./listSessions.schema";
import { listSessionsHandler } from "./listSessions.handler";
import { ZMarkNoShowInputSchema } from "./markNoShow.schema";
import { markNoShowHandler } from "./markNoShow.handler";
import { ZPreviewTemplateInputSchema } from "./previewTemplate.schema";
import { previewTemplateHandler } from "./previewTemplate.handler";
import { sessionActionProcedure, sessionCheckoutProcedure as procedure } from "./procedure";
import { ZReportsInputSchema } from "./reports.schema";
import { reportsHandler } from "./reports.handler";
import { ZReportScopesInputSchema } from "./reportScopes.schema";
import { reportScopesHandler } from "./reportScopes.handler";
import { ZReportSessionsInputSchema } from "./reportSessions.schema";
import { reportSessionsHandler } from "./reportSessions.handler";
import { ZResendSurveyInputSchema } from "./resendSurvey.schema";
import { resendSurveyHandler } from "./resendSurvey.handler";
import { ZSessionHistoryInputSchema } from "./sessionHistory.schema";
import { sessionHistoryHandler } from "./sessionHistory.handler";
import { ZSessionStatusesInputSchema } from "./sessionStatuses.schema";
import { sessionStatusesHandler } from "./sessionStatuses.handler";
import { ZUndoCheckoutInputSchema } from "./undoCheckout.schema";
import { undoCheckoutHandler } from "./undoCheckout.handler";
import { ZUpdateNoteInputSchema } from "./updateNote.schema";
import { updateNoteHandler } from "./updateNote.handler";
import { ZUpdateSettingsInputSchema } from "./updateSettings.schema";
import { updateSettingsHandler } from "./updateSettings.handler";

/** Mounted by the host as `viewer.appSessionCheckout`. */
const sessionCheckoutRouter = router({
  getSession: procedure.input(ZGetSessionInputSchema).query(getSessionHandler),
  sessionHistory: procedure.input(ZSessionHistoryInputSchema).query(sessionHistoryHandler),
  sessionStatuses: procedure.input(ZSessionStatusesInputSchema).query(sessionStatusesHandler),
  checkout: sessionActionProcedure.input(ZCheckoutInputSchema).mutation(checkoutHandler),
  bulkCheckout: procedure.input(ZBulkCheckoutInputSchema).mutation(bulkCheckoutHandler),
  undoCheckout: sessionActionProcedure.input(ZUndoCheckoutInputSchema).mutation(undoCheckoutHandler),
  markNoShow: sessionActionProcedure.input(ZMarkNoShowInputSchema).mutation(markNoShowHandler),
  clearNoShow: sessionActionProcedure.input(ZClearNoShowInputSchema).mutation(clearNoShowHandler),
  listNotes: procedure.input(ZListNotesInputSchema).query(listNotesHandler),
  addNote: procedure.input(ZAddNoteInputSchema).mutation(addNoteHandler),
  updateNote: procedure.input(ZUpdateNoteInputSchema).mutation(updateNoteHandler),
  deleteNote: procedure.input(ZDeleteNoteInputSchema).mutation(deleteNoteHandler),
  resendSurvey: procedure.input(ZResendSurveyInputSchema).mutation(resendSurveyHandler),
  previewTemplate: procedure.input(ZPreviewTemplateInputSchema).query(previewTemplateHandler),
  reports: procedure.input(ZReportsInputSchema).query(reportsHandler),
  reportSessions: procedure.input(ZReportSessionsInputSchema).query(reportSessionsHandler),
  reportScopes: procedure.input(ZReportScopesInputSchema).query(reportScopesHandler),
  clientHistory: procedure.input(ZClientHistoryInputSchema).query(clientHistoryHandler),
  listSessions: procedure.input(ZListSessionsInputSchema).query(listSessionsHandler),
  getSettings: procedure.query(getSettingsHandler),
  updateSettings: procedure.input(ZUpdateSettingsInputSchema).mutation(updateSettingsHandler),
});

export default sessionCheckoutRouter;
