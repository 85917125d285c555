CREATE TABLE `webhook_receipts` (
	`kind` text PRIMARY KEY NOT NULL,
	`event` text,
	`received_at` integer NOT NULL
);
