-- AlterTable
ALTER TABLE "App_SessionCheckout_Settings" ADD COLUMN     "autoCheckoutScheduleChangedAt" TIMESTAMP(3);

