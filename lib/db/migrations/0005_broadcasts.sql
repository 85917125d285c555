CREATE TABLE `broadcast_recipients` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`broadcast_id` integer NOT NULL,
	`row_number` integer NOT NULL,
	`phone` text NOT NULL,
	`values` text NOT NULL,
	`media_url` text,
	`state` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`not_before` integer,
	`send_id` integer,
	`callbell_uuid` text,
	`error` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `broadcast_recipients_state_idx` ON `broadcast_recipients` (`broadcast_id`,`state`,`id`);--> statement-breakpoint
CREATE INDEX `broadcast_recipients_row_idx` ON `broadcast_recipients` (`broadcast_id`,`row_number`);--> statement-breakpoint
CREATE TABLE `broadcasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by_id` text,
	`created_by_email` text,
	`name` text NOT NULL,
	`platform` text NOT NULL,
	`channel_uuid` text,
	`template_uuid` text NOT NULL,
	`template_title` text,
	`template_header` text DEFAULT '' NOT NULL,
	`media_url` text,
	`rate_per_second` integer NOT NULL,
	`state` text NOT NULL,
	`total_rows` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`retry_of_id` integer
);
--> statement-breakpoint
ALTER TABLE `sends` ADD `broadcast_id` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `broadcast_row_id` integer;--> statement-breakpoint
CREATE INDEX `sends_broadcast_idx` ON `sends` (`broadcast_id`,`status`);