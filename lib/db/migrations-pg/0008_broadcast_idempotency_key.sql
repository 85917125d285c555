ALTER TABLE "broadcasts" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "broadcasts_idempotency_key_idx" ON "broadcasts" USING btree ("idempotency_key");