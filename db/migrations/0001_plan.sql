CREATE TYPE "public"."contact_channel" AS ENUM('text', 'call', 'in_person', 'social', 'other');--> statement-breakpoint
CREATE TYPE "public"."contact_feeling" AS ENUM('good', 'neutral', 'hard');--> statement-breakpoint
CREATE TYPE "public"."contact_initiator" AS ENUM('me', 'them');--> statement-breakpoint
CREATE TYPE "public"."draft_status" AS ENUM('writing', 'sent', 'discarded');--> statement-breakpoint
CREATE TYPE "public"."contact_level" AS ENUM('none', 'occasional', 'regular');--> statement-breakpoint
CREATE TYPE "public"."journey_status" AS ENUM('active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('back_together', 'still_working', 'moving_on');--> statement-breakpoint
CREATE TYPE "public"."pronouns" AS ENUM('he', 'she', 'they');--> statement-breakpoint
CREATE TYPE "public"."readiness_result" AS ENUM('ready', 'unsure', 'not_yet');--> statement-breakpoint
CREATE TYPE "public"."step_status" AS ENUM('locked', 'open', 'done');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"mood" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_user_id_day_pk" PRIMARY KEY("user_id","day"),
	CONSTRAINT "check_ins_mood_check" CHECK ("check_ins"."mood" is null or "check_ins"."mood" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "pause_days" (
	"user_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pause_days_user_id_day_pk" PRIMARY KEY("user_id","day")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"step_number" smallint,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" "contact_channel" NOT NULL,
	"initiator" "contact_initiator" NOT NULL,
	"feeling" "contact_feeling" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"journey_id" uuid NOT NULL,
	"step_number" smallint NOT NULL,
	"body" text NOT NULL,
	"checks" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "draft_status" DEFAULT 'writing' NOT NULL,
	"cool_down_until" timestamp with time zone NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"journey_id" uuid,
	"step_number" smallint,
	"mood" smallint NOT NULL,
	"body" text NOT NULL,
	"shared_with_buddies" boolean DEFAULT false NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journal_entries_mood_check" CHECK ("journal_entries"."mood" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"program_version" integer NOT NULL,
	"status" "journey_status" DEFAULT 'active' NOT NULL,
	"breakup_date" date NOT NULL,
	"contact_level" "contact_level" NOT NULL,
	"ex_name" text,
	"ex_pronouns" "pronouns" NOT NULL,
	"readiness_result" "readiness_result" NOT NULL,
	"readiness_answers" jsonb NOT NULL,
	"readiness_at" timestamp with time zone DEFAULT now() NOT NULL,
	"safety_concern" boolean DEFAULT false NOT NULL,
	"outcome" "outcome",
	"outcome_note" text,
	"ended_at" timestamp with time zone,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"shared_at" timestamp with time zone,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"step_number" smallint NOT NULL,
	"prompt_key" text NOT NULL,
	"body" text NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "step_progress" (
	"journey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"step_number" smallint NOT NULL,
	"status" "step_status" DEFAULT 'locked' NOT NULL,
	"opened_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone,
	CONSTRAINT "step_progress_journey_id_step_number_pk" PRIMARY KEY("journey_id","step_number"),
	CONSTRAINT "step_progress_step_number_check" CHECK ("step_progress"."step_number" between 1 and 7)
);
--> statement-breakpoint
CREATE TABLE "task_completions" (
	"journey_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"step_number" smallint NOT NULL,
	"task_key" text NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_completions_journey_id_step_number_task_key_pk" PRIMARY KEY("journey_id","step_number","task_key")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pause_days" ADD CONSTRAINT "pause_days_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_progress" ADD CONSTRAINT "step_progress_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "step_progress" ADD CONSTRAINT "step_progress_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_completions" ADD CONSTRAINT "task_completions_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_completions" ADD CONSTRAINT "task_completions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_user_id_occurred_at_idx" ON "contacts" USING btree ("user_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contacts_journey_id_idx" ON "contacts" USING btree ("journey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_idempotency_idx" ON "contacts" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "drafts_user_id_idx" ON "drafts" USING btree ("user_id","updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "drafts_journey_id_idx" ON "drafts" USING btree ("journey_id","step_number");--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_idempotency_idx" ON "drafts" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "journal_entries_user_id_created_at_idx" ON "journal_entries" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "journal_entries_journey_id_idx" ON "journal_entries" USING btree ("journey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "journal_entries_idempotency_idx" ON "journal_entries" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "journeys_user_id_idx" ON "journeys" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "journeys_one_active_idx" ON "journeys" USING btree ("user_id") WHERE "journeys"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "journeys_idempotency_idx" ON "journeys" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "memories_journey_id_idx" ON "memories" USING btree ("journey_id");--> statement-breakpoint
CREATE INDEX "memories_user_id_idx" ON "memories" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memories_idempotency_idx" ON "memories" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "reflections_journey_id_idx" ON "reflections" USING btree ("journey_id","step_number");--> statement-breakpoint
CREATE INDEX "reflections_user_id_idx" ON "reflections" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "reflections_idempotency_idx" ON "reflections" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "step_progress_user_id_idx" ON "step_progress" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "task_completions_user_id_idx" ON "task_completions" USING btree ("user_id","completed_at");