ALTER TABLE "sends" ADD COLUMN "attempts" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "sends" ADD COLUMN "attempt_log" text;