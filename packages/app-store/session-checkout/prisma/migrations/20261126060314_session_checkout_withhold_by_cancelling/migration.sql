-- A survey withheld from an attendee marked absent is kept, as CANCELLED, rather than deleted:
-- the row still says "at most one survey for this attendee, ever", and the booking dialog shows it.
-- (Its own migration: a new enum value cannot be used in the transaction that adds it.)
CREATE OR REPLACE FUNCTION "App_SessionCheckout_withhold_survey_of_absentee"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "App_SessionCheckout_Survey"
  SET "status" = 'CANCELLED'
  WHERE "bookingId" = NEW."bookingId"
    AND "attendeeEmail" = lower(btrim(NEW."email"))
    AND "status" = 'QUEUED';
  RETURN NULL;
END $$;
