CREATE TYPE "public"."week_start" AS ENUM('auto', 'monday', 'sunday', 'saturday');--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "week_start" "week_start" DEFAULT 'auto' NOT NULL;