CREATE TYPE "public"."reminder_kind" AS ENUM('check_in', 'stalled_step');--> statement-breakpoint
CREATE TYPE "public"."reminder_status" AS ENUM('pending', 'sending', 'delivered', 'failed', 'dismissed');--> statement-breakpoint
CREATE TABLE "calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"last_fetched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"check_in_minute" smallint NOT NULL,
	"quiet_start_minute" smallint,
	"quiet_end_minute" smallint,
	"email" boolean DEFAULT false NOT NULL,
	"resume_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_settings_check_in_check" CHECK ("reminder_settings"."check_in_minute" between 0 and 1439),
	CONSTRAINT "reminder_settings_quiet_check" CHECK (("reminder_settings"."quiet_start_minute" is null) = ("reminder_settings"."quiet_end_minute" is null)
        and ("reminder_settings"."quiet_start_minute" is null or ("reminder_settings"."quiet_start_minute" between 0 and 1439
          and "reminder_settings"."quiet_end_minute" between 0 and 1439)))
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"local_date" date NOT NULL,
	"journey_id" uuid,
	"step_number" smallint,
	"stalled_since" timestamp with time zone,
	"status" "reminder_status" DEFAULT 'pending' NOT NULL,
	"by_email" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"due_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"dismissed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_hash_idx" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_user_id_local_date_idx" ON "reminders" USING btree ("user_id","local_date");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_stalled_episode_idx" ON "reminders" USING btree ("user_id","journey_id","step_number","stalled_since") WHERE "reminders"."kind" = 'stalled_step';--> statement-breakpoint
CREATE INDEX "reminders_status_due_at_idx" ON "reminders" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "reminders_journey_id_idx" ON "reminders" USING btree ("journey_id");