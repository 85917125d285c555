CREATE TABLE `received_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`dedupe_key` text NOT NULL,
	`received_at` integer NOT NULL,
	`written_at` integer,
	`channel` text,
	`from_phone` text,
	`from_bsuid` text,
	`from_id` text,
	`contact_uuid` text,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`send_id` integer,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `received_messages_dedupe_idx` ON `received_messages` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `received_messages_send_idx` ON `received_messages` (`send_id`);--> statement-breakpoint
ALTER TABLE `sends` ADD `replied_at` integer;--> statement-breakpoint
CREATE INDEX `sends_replied_idx` ON `sends` (`id`) WHERE "sends"."replied_at" is not null;--> statement-breakpoint
CREATE INDEX `sends_broadcast_replied_idx` ON `sends` (`broadcast_id`,`replied_at`) WHERE "sends"."replied_at" is not null;