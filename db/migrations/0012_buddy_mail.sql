CREATE TYPE "public"."buddy_digest_kind" AS ENUM('weekly', 'step_done');--> statement-breakpoint
CREATE TYPE "public"."buddy_digest_status" AS ENUM('pending', 'sending', 'sent', 'failed', 'dropped');--> statement-breakpoint
CREATE TABLE "buddy_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"subscription_id" uuid,
	"kind" "buddy_digest_kind" NOT NULL,
	"period_key" text NOT NULL,
	"step_number" smallint,
	"status" "buddy_digest_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"stop_token_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "buddy_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"confirm_token_hash" text NOT NULL,
	"stop_token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buddy_subscriptions_email_check" CHECK (char_length("buddy_subscriptions"."email") <= 254)
);
--> statement-breakpoint
ALTER TABLE "encouragements" ADD COLUMN "thanks" text;--> statement-breakpoint
ALTER TABLE "encouragements" ADD COLUMN "thanked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "stop_token_hash" text;--> statement-breakpoint
ALTER TABLE "buddy_digests" ADD CONSTRAINT "buddy_digests_link_id_buddy_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."buddy_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_digests" ADD CONSTRAINT "buddy_digests_subscription_id_buddy_subscriptions_id_fk" FOREIGN KEY ("subscription_id") REFERENCES "public"."buddy_subscriptions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_subscriptions" ADD CONSTRAINT "buddy_subscriptions_link_id_buddy_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."buddy_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buddy_subscriptions" ADD CONSTRAINT "buddy_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_digests_subscription_id_kind_period_idx" ON "buddy_digests" USING btree ("subscription_id","kind","period_key");--> statement-breakpoint
CREATE INDEX "buddy_digests_status_due_at_idx" ON "buddy_digests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "buddy_digests_link_id_idx" ON "buddy_digests" USING btree ("link_id");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_digests_stop_token_hash_idx" ON "buddy_digests" USING btree ("stop_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_subscriptions_link_id_confirmed_idx" ON "buddy_subscriptions" USING btree ("link_id") WHERE "buddy_subscriptions"."confirmed_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_subscriptions_link_id_pending_idx" ON "buddy_subscriptions" USING btree ("link_id") WHERE "buddy_subscriptions"."confirmed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_subscriptions_confirm_token_hash_idx" ON "buddy_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_subscriptions_stop_token_hash_idx" ON "buddy_subscriptions" USING btree ("stop_token_hash");--> statement-breakpoint
CREATE INDEX "buddy_subscriptions_user_id_idx" ON "buddy_subscriptions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_stop_token_hash_idx" ON "reminders" USING btree ("stop_token_hash");--> statement-breakpoint
ALTER TABLE "encouragements" ADD CONSTRAINT "encouragements_thanks_check" CHECK (char_length("encouragements"."thanks") <= 200);