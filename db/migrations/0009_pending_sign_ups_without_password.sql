ALTER TABLE "pending_sign_ups" DROP COLUMN "display_name";--> statement-breakpoint
ALTER TABLE "pending_sign_ups" DROP COLUMN "password_hash";