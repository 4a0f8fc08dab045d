-- AlterTable
ALTER TABLE "users" ADD COLUMN     "timeFormat" INTEGER DEFAULT 12;

