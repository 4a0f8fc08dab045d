-- AlterTable
ALTER TABLE "App_SessionCheckout_Settings" ADD COLUMN     "autoCheckoutEndedAfter" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Booking_userId_status_endTime_idx" ON "Booking"("userId", "status", "endTime");


-- Hosts who already switched auto-checkout on keep exactly the sessions they had: those due
-- after the moment they switched it on, with the delay they have now.
UPDATE "App_SessionCheckout_Settings"
SET "autoCheckoutEndedAfter" = "autoCheckoutEnabledAt" - make_interval(mins => "autoCheckoutDelayMinutes")
WHERE "autoCheckoutEnabledAt" IS NOT NULL;
