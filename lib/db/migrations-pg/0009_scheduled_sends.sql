ALTER TABLE "sends" ADD COLUMN "scheduled_for" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "scheduled_zone" text;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "scheduled_form" text;--> statement-breakpoint
CREATE INDEX "sends_scheduled_idx" ON "sends" USING btree ("status","scheduled_for");