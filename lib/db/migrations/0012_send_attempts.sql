ALTER TABLE `sends` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `sends` ADD `attempt_log` text;