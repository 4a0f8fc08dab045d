-- CreateEnum
CREATE TYPE "App_SessionCheckout_AlertStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- Surveys: one-click opt-outs (RFC 8058), the host's low-rating alert (its own small outbox on the
-- survey row), a resend by the host, and when each survey was last attempted (the per-host throttle).

-- AlterEnum (the new values are not used in this migration: PostgreSQL 12+ allows adding them here)

ALTER TYPE "App_SessionCheckout_AuditAction" ADD VALUE 'SURVEY_RESENT';
ALTER TYPE "App_SessionCheckout_AuditAction" ADD VALUE 'LOW_RATING_ALERT_SENT';
ALTER TYPE "App_SessionCheckout_AuditAction" ADD VALUE 'LOW_RATING_ALERT_FAILED';

-- AlterTable
ALTER TABLE "App_SessionCheckout_Settings" ADD COLUMN     "surveyAlertThreshold" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "App_SessionCheckout_Survey" ADD COLUMN     "alertAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "alertLastError" TEXT,
ADD COLUMN     "alertNextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "alertSentAt" TIMESTAMP(3),
ADD COLUMN     "alertStatus" "App_SessionCheckout_AlertStatus",
ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "App_SessionCheckout_SurveyOptOut" (
    "hostUserId" INTEGER NOT NULL,
    "email" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "App_SessionCheckout_SurveyOptOut_pkey" PRIMARY KEY ("hostUserId","email")
);

-- CreateIndex
CREATE INDEX "App_SessionCheckout_Survey_alertStatus_alertNextAttemptAt_idx" ON "App_SessionCheckout_Survey"("alertStatus", "alertNextAttemptAt");

-- CreateIndex
CREATE INDEX "App_SessionCheckout_Survey_lastAttemptAt_idx" ON "App_SessionCheckout_Survey"("lastAttemptAt");

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_SurveyOptOut" ADD CONSTRAINT "App_SessionCheckout_SurveyOptOut_hostUserId_fkey" FOREIGN KEY ("hostUserId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The rules Prisma cannot express.
ALTER TABLE "App_SessionCheckout_Settings"
  ADD CONSTRAINT "App_SessionCheckout_Settings_alert_threshold_range" CHECK ("surveyAlertThreshold" BETWEEN 0 AND 5);

ALTER TABLE "App_SessionCheckout_SurveyOptOut"
  ADD CONSTRAINT "App_SessionCheckout_SurveyOptOut_email_lowercase" CHECK ("email" = lower("email")),
  ADD CONSTRAINT "App_SessionCheckout_SurveyOptOut_email_length" CHECK (char_length("email") <= 320);

-- A withdrawn survey says why; only a withdrawn one has a reason.
ALTER TABLE "App_SessionCheckout_Survey"
  ADD CONSTRAINT "App_SessionCheckout_Survey_cancel_reason" CHECK (
    ("status" = 'CANCELLED') = ("cancelReason" IS NOT NULL)
    AND ("cancelReason" IS NULL OR "cancelReason" IN ('checkout-undone', 'marked-absent', 'surveys-off', 'unsubscribed', 'not-an-attendee'))
  );

-- Withholding a queued survey when Cal.com marks its attendee absent now records why.
CREATE OR REPLACE FUNCTION "App_SessionCheckout_withhold_survey_of_absentee"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "App_SessionCheckout_Survey"
  SET "status" = 'CANCELLED', "cancelReason" = 'marked-absent'
  WHERE "bookingId" = NEW."bookingId"
    AND "attendeeEmail" = lower(btrim(NEW."email"))
    AND "status" = 'QUEUED';
  RETURN NULL;
END $$;

-- An alert is only ever queued for an answered survey.
ALTER TABLE "App_SessionCheckout_Survey"
  ADD CONSTRAINT "App_SessionCheckout_Survey_alert_needs_answer" CHECK ("alertStatus" IS NULL OR "status" = 'ANSWERED');
