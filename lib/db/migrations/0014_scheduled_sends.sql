ALTER TABLE `sends` ADD `scheduled_for` integer;--> statement-breakpoint
ALTER TABLE `sends` ADD `scheduled_zone` text;--> statement-breakpoint
ALTER TABLE `sends` ADD `scheduled_form` text;--> statement-breakpoint
CREATE INDEX `sends_scheduled_idx` ON `sends` (`status`,`scheduled_for`);