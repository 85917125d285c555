CREATE TABLE `sends` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`recipient` text NOT NULL,
	`platform` text NOT NULL,
	`message_type` text NOT NULL,
	`channel_uuid` text,
	`template_uuid` text,
	`template_title` text,
	`request_body` text NOT NULL,
	`status` text NOT NULL,
	`callbell_uuid` text,
	`response_body` text,
	`error_message` text,
	`error_status` integer,
	`contact_name` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sends_idempotency_key_unique` ON `sends` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `sends_created_at_idx` ON `sends` (`created_at`);--> statement-breakpoint
CREATE INDEX `sends_callbell_uuid_idx` ON `sends` (`callbell_uuid`);