-- DropIndex
DROP INDEX "Booking_userId_startTime_idx";

-- CreateIndex
CREATE INDEX "Booking_userId_startTime_id_idx" ON "Booking"("userId", "startTime", "id");

-- CreateIndex
CREATE INDEX "Attendee_bookingId_email_idx" ON "Attendee"("bookingId", "email");

