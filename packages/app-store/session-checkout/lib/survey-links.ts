import { createSurveyToken } from "./survey-token";

const APP_API = "/api/integrations/session-checkout";

/** The survey page, the app's public page; `token` names the survey row. */
export const surveyPageUrl = (webappUrl: string, token: string) => `${webappUrl.replace(/\/+$/, "")}${APP_API}/survey?token=${token}`;
export const unsubscribePageUrl = (webappUrl: string, token: string) => `${webappUrl.replace(/\/+$/, "")}${APP_API}/unsubscribe?token=${token}`;

/** The links one survey email carries: one per rating (each only opens the page) and the unsubscribe link. */
export function surveyLinks({ surveyId, webappUrl, issuedAt }: { surveyId: number; webappUrl: string; issuedAt: Date }): { ratings: string[]; unsubscribe: string } {
  const page = surveyPageUrl(webappUrl, createSurveyToken({ surveyId, issuedAt }));
  return {
    ratings: [1, 2, 3, 4, 5].map((rating) => `${page}&rating=${rating}`),
    unsubscribe: unsubscribePageUrl(webappUrl, createSurveyToken({ surveyId, issuedAt, purpose: "unsubscribe" })),
  };
}
