ALTER TABLE `broadcasts` ADD `scheduled_for` integer;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `scheduled_zone` text;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `sending_hours` text;--> statement-breakpoint
ALTER TABLE `broadcasts` ADD `state_note` text;--> statement-breakpoint
CREATE INDEX `broadcasts_scheduled_idx` ON `broadcasts` (`state`,`scheduled_for`);