CREATE TABLE "webhook_receipts" (
	"kind" text PRIMARY KEY NOT NULL,
	"event" text,
	"received_at" timestamp (3) with time zone NOT NULL
);
