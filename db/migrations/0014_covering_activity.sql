-- The new journal index is built before the old one goes, so listing never lacks one.
CREATE INDEX "check_ins_user_id_day_mood_idx" ON "check_ins" USING btree ("user_id","day","mood");--> statement-breakpoint
CREATE INDEX "contacts_user_id_created_at_idx" ON "contacts" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_user_id_created_at_mood_idx" ON "journal_entries" USING btree ("user_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST,"mood");--> statement-breakpoint
DROP INDEX "journal_entries_user_id_created_at_idx";
