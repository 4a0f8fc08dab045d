-- AlterEnum
ALTER TYPE "App_SessionCheckout_SurveyStatus" ADD VALUE 'CANCELLED';

