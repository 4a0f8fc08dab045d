-- Reports: the indexes they read by (a host's sessions, or a team event type's, by start time), and
-- the session status in SQL.

-- CreateIndex
CREATE INDEX "Booking_userId_startTime_idx" ON "Booking"("userId", "startTime");

-- CreateIndex
CREATE INDEX "Booking_eventTypeId_startTime_idx" ON "Booking"("eventTypeId", "startTime");

-- The session status, as the app's lib/status.ts (deriveSessionStatus) decides it, for reports that
-- aggregate it in SQL. The TypeScript is the source; a property test over random bookings holds this
-- function equal to it. Inputs: Cal.com's booking status, how many attendees the booking has and how
-- many are marked absent, and the app's checkout state (NULL when never checked out). A plain SQL
-- function, IMMUTABLE: the planner inlines it into the query that calls it.
CREATE FUNCTION "App_SessionCheckout_session_status"(
  booking_status "BookingStatus",
  attendee_count bigint,
  absent_count bigint,
  checkout_state "App_SessionCheckout_CheckoutState"
) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN booking_status IN ('pending', 'awaiting_host') THEN 'PENDING'
    WHEN booking_status IN ('cancelled', 'rejected') THEN 'CANCELLED'
    WHEN attendee_count > 0 AND absent_count = attendee_count THEN 'NO_SHOW'
    WHEN checkout_state = 'ACTIVE' THEN 'COMPLETED'
    ELSE 'CONFIRMED'
  END
$$;
