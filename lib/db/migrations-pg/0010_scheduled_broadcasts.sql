ALTER TABLE "broadcasts" ADD COLUMN "scheduled_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "scheduled_zone" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "sending_hours" text;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD COLUMN "state_note" text;--> statement-breakpoint
CREATE INDEX "broadcasts_scheduled_idx" ON "broadcasts" USING btree ("state","scheduled_for");