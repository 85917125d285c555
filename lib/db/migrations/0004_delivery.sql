CREATE TABLE `send_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`callbell_uuid` text NOT NULL,
	`status` text NOT NULL,
	`source` text NOT NULL,
	`received_at` integer NOT NULL,
	`applied` integer DEFAULT false NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `send_events_uuid_status_idx` ON `send_events` (`callbell_uuid`,`status`);--> statement-breakpoint
DROP INDEX `sends_created_at_idx`;--> statement-breakpoint
DROP INDEX `sends_sender_idx`;--> statement-breakpoint
ALTER TABLE `sends` ADD `status_reason` text;--> statement-breakpoint
ALTER TABLE `sends` ADD `status_updated_at` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `next_poll_at` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `poll_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `sends_status_idx` ON `sends` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `sends_next_poll_idx` ON `sends` (`next_poll_at`);--> statement-breakpoint
CREATE INDEX `sends_template_idx` ON `sends` (`template_uuid`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `sends_channel_idx` ON `sends` (`channel_uuid`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `sends_type_idx` ON `sends` (`message_type`,`id`,`status`);--> statement-breakpoint
CREATE INDEX `sends_recipient_idx` ON `sends` (`recipient`,`status`);--> statement-breakpoint
CREATE INDEX `sends_created_at_idx` ON `sends` (`created_at`,`status`);--> statement-breakpoint
CREATE INDEX `sends_sender_idx` ON `sends` (`sender_id`,`id`,`status`);