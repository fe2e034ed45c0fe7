-- The new contacts index is built before the old one goes, so a journey's contacts never lack one.
CREATE INDEX "contacts_journey_id_user_id_occurred_at_idx" ON "contacts" USING btree ("journey_id","user_id","occurred_at","initiator");--> statement-breakpoint
CREATE INDEX "step_progress_journey_id_user_id_idx" ON "step_progress" USING btree ("journey_id","user_id","step_number","status","opened_at","completed_at","last_activity_at");--> statement-breakpoint
CREATE INDEX "task_completions_journey_id_step_user_idx" ON "task_completions" USING btree ("journey_id","step_number","user_id","task_key");--> statement-breakpoint
DROP INDEX "contacts_journey_id_idx";
