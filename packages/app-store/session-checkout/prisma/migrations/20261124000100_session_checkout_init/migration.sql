-- Session Checkout's own tables (generated from prisma/session-checkout.prisma),
-- plus the CHECK constraints Prisma's schema language cannot express.
-- CreateEnum
CREATE TYPE "App_SessionCheckout_CheckoutState" AS ENUM ('ACTIVE', 'UNDONE');

-- CreateEnum
CREATE TYPE "App_SessionCheckout_Method" AS ENUM ('MANUAL', 'AUTO', 'BULK');

-- CreateEnum
CREATE TYPE "App_SessionCheckout_SurveyStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'ANSWERED');

-- CreateEnum
CREATE TYPE "App_SessionCheckout_AuditAction" AS ENUM ('CHECKED_OUT', 'CHECKOUT_UNDONE', 'NO_SHOW_MARKED', 'NO_SHOW_CLEARED', 'SURVEY_SENT', 'SURVEY_FAILED', 'SURVEY_ANSWERED');

-- CreateEnum
CREATE TYPE "App_SessionCheckout_ActorType" AS ENUM ('USER', 'AUTO_CHECKOUT', 'CLIENT', 'SYSTEM');

-- CreateEnum
CREATE TYPE "App_SessionCheckout_AuditSource" AS ENUM ('MANUAL', 'AUTO', 'BULK', 'SURVEY_DELIVERY', 'SURVEY_RESPONSE');

-- CreateTable
CREATE TABLE "App_SessionCheckout_Checkout" (
    "bookingId" INTEGER NOT NULL,
    "state" "App_SessionCheckout_CheckoutState" NOT NULL,
    "method" "App_SessionCheckout_Method" NOT NULL,
    "checkedOutAt" TIMESTAMP(3) NOT NULL,
    "checkedOutById" INTEGER,
    "undoneAt" TIMESTAMP(3),
    "undoneById" INTEGER,

    CONSTRAINT "App_SessionCheckout_Checkout_pkey" PRIMARY KEY ("bookingId")
);

-- CreateTable
CREATE TABLE "App_SessionCheckout_Note" (
    "id" SERIAL NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "authorId" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "App_SessionCheckout_Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App_SessionCheckout_Settings" (
    "userId" INTEGER NOT NULL,
    "autoCheckoutEnabled" BOOLEAN NOT NULL DEFAULT false,
    "autoCheckoutDelayMinutes" INTEGER NOT NULL DEFAULT 120,
    "autoCheckoutEnabledAt" TIMESTAMP(3),
    "surveysEnabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "App_SessionCheckout_Settings_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "App_SessionCheckout_Survey" (
    "id" SERIAL NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "attendeeEmail" TEXT NOT NULL,
    "attendeeName" TEXT NOT NULL,
    "status" "App_SessionCheckout_SurveyStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "answeredAt" TIMESTAMP(3),
    "rating" INTEGER,
    "comment" TEXT,

    CONSTRAINT "App_SessionCheckout_Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "App_SessionCheckout_AuditEntry" (
    "id" SERIAL NOT NULL,
    "bookingId" INTEGER NOT NULL,
    "action" "App_SessionCheckout_AuditAction" NOT NULL,
    "actorType" "App_SessionCheckout_ActorType" NOT NULL,
    "actorUserId" INTEGER,
    "source" "App_SessionCheckout_AuditSource" NOT NULL,
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "App_SessionCheckout_AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "App_SessionCheckout_Checkout_state_checkedOutAt_idx" ON "App_SessionCheckout_Checkout"("state", "checkedOutAt");

-- CreateIndex
CREATE INDEX "App_SessionCheckout_Note_bookingId_authorId_createdAt_idx" ON "App_SessionCheckout_Note"("bookingId", "authorId", "createdAt");

-- CreateIndex
CREATE INDEX "App_SessionCheckout_Survey_status_nextAttemptAt_idx" ON "App_SessionCheckout_Survey"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "App_SessionCheckout_Survey_bookingId_attendeeEmail_key" ON "App_SessionCheckout_Survey"("bookingId", "attendeeEmail");

-- CreateIndex
CREATE INDEX "App_SessionCheckout_AuditEntry_bookingId_createdAt_idx" ON "App_SessionCheckout_AuditEntry"("bookingId", "createdAt");

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Checkout" ADD CONSTRAINT "App_SessionCheckout_Checkout_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Checkout" ADD CONSTRAINT "App_SessionCheckout_Checkout_checkedOutById_fkey" FOREIGN KEY ("checkedOutById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Checkout" ADD CONSTRAINT "App_SessionCheckout_Checkout_undoneById_fkey" FOREIGN KEY ("undoneById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Note" ADD CONSTRAINT "App_SessionCheckout_Note_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Note" ADD CONSTRAINT "App_SessionCheckout_Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Settings" ADD CONSTRAINT "App_SessionCheckout_Settings_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_Survey" ADD CONSTRAINT "App_SessionCheckout_Survey_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_AuditEntry" ADD CONSTRAINT "App_SessionCheckout_AuditEntry_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "App_SessionCheckout_AuditEntry" ADD CONSTRAINT "App_SessionCheckout_AuditEntry_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Rules the database holds on its own, whoever writes.
ALTER TABLE "App_SessionCheckout_Note"
  ADD CONSTRAINT "App_SessionCheckout_Note_body_length" CHECK (char_length("body") BETWEEN 1 AND 10000);

ALTER TABLE "App_SessionCheckout_Settings"
  ADD CONSTRAINT "App_SessionCheckout_Settings_delay_allowed" CHECK ("autoCheckoutDelayMinutes" IN (30, 60, 120, 240, 480, 1440));

ALTER TABLE "App_SessionCheckout_Survey"
  ADD CONSTRAINT "App_SessionCheckout_Survey_email_lowercase" CHECK ("attendeeEmail" = lower("attendeeEmail")),
  ADD CONSTRAINT "App_SessionCheckout_Survey_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5),
  ADD CONSTRAINT "App_SessionCheckout_Survey_comment_length" CHECK ("comment" IS NULL OR char_length("comment") <= 2000);
