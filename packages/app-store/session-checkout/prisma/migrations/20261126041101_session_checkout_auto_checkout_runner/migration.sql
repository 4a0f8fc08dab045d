-- AlterTable
ALTER TABLE "App_SessionCheckout_Settings" ADD COLUMN     "autoCheckoutEndedAfter" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Booking_userId_status_endTime_idx" ON "Booking"("userId", "status", "endTime");


-- Hosts who already switched auto-checkout on keep exactly the sessions they had: those due
-- after the moment they switched it on, with the delay they have now.
UPDATE "App_SessionCheckout_Settings"
SET "autoCheckoutEndedAfter" = "autoCheckoutEnabledAt" - make_interval(mins => "autoCheckoutDelayMinutes")
WHERE "autoCheckoutEnabledAt" IS NOT NULL;

-- Surveys are never sent to attendees marked no-show, whoever marks them. Cal.com writes
-- Attendee.noShow itself, also after a session was checked out; the checkout locks the attendee
-- rows, so an earlier write is seen by it, and this trigger withholds a survey still queued when
-- the write comes later. (Emails are matched as the app stores them: trimmed, lower-cased.)
CREATE FUNCTION "App_SessionCheckout_withhold_survey_of_absentee"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "App_SessionCheckout_Survey"
  WHERE "bookingId" = NEW."bookingId"
    AND "attendeeEmail" = lower(btrim(NEW."email"))
    AND "status" = 'QUEUED';
  RETURN NULL;
END $$;

CREATE TRIGGER "App_SessionCheckout_withhold_survey_of_absentee"
AFTER UPDATE OF "noShow" ON "Attendee"
FOR EACH ROW WHEN (NEW."noShow" IS TRUE AND OLD."noShow" IS DISTINCT FROM TRUE)
EXECUTE FUNCTION "App_SessionCheckout_withhold_survey_of_absentee"();
