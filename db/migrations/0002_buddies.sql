CREATE TYPE "public"."buddy_scope" AS ENUM('progress', 'progress_and_journal');--> statement-breakpoint
CREATE TYPE "public"."encouragement_kind" AS ENUM('encouragement', 'nudge');--> statement-breakpoint
CREATE TABLE "buddy_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"label" text NOT NULL,
	"scope" "buddy_scope" DEFAULT 'progress' NOT NULL,
	"show_ex_name" boolean DEFAULT false NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_opened_at" timestamp with time zone,
	"open_count" integer DEFAULT 0 NOT NULL,
	"idempotency_key" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buddy_links_label_check" CHECK (char_length("buddy_links"."label") <= 60)
);
--> statement-breakpoint
CREATE TABLE "encouragements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"link_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "encouragement_kind" NOT NULL,
	"name" text,
	"message" text DEFAULT '' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "encouragements_name_check" CHECK (char_length("encouragements"."name") <= 40),
	CONSTRAINT "encouragements_message_check" CHECK (char_length("encouragements"."message") <= 500)
);
--> statement-breakpoint
ALTER TABLE "buddy_links" ADD CONSTRAINT "buddy_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encouragements" ADD CONSTRAINT "encouragements_link_id_buddy_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."buddy_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "encouragements" ADD CONSTRAINT "encouragements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "buddy_links_user_id_idx" ON "buddy_links" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_links_token_hash_idx" ON "buddy_links" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "buddy_links_idempotency_idx" ON "buddy_links" USING btree ("user_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "encouragements_user_id_created_at_idx" ON "encouragements" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "encouragements_link_id_idx" ON "encouragements" USING btree ("link_id","created_at");