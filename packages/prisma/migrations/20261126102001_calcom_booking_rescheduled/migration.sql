-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "fromReschedule" TEXT,
ADD COLUMN     "rescheduled" BOOLEAN;

