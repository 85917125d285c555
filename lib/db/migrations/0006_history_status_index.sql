DROP INDEX `sends_status_idx`;--> statement-breakpoint
CREATE INDEX `sends_status_idx` ON `sends` (`status`,`id`,`message_type`,`platform`,`template_uuid`,`channel_uuid`,`sender_id`,`created_at`);