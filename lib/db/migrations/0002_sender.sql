ALTER TABLE `sends` ADD `sender_id` text;--> statement-breakpoint
ALTER TABLE `sends` ADD `sender_email` text;--> statement-breakpoint
CREATE INDEX `sends_sender_idx` ON `sends` (`sender_id`);