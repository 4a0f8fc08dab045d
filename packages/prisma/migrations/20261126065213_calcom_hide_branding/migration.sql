-- AlterTable
ALTER TABLE "users" ADD COLUMN     "hideBranding" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "hideBranding" BOOLEAN NOT NULL DEFAULT false;

