CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`actor_id` text,
	`actor_email` text NOT NULL,
	`address` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor_email`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_kind_idx` ON `audit_entries` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_sign_in_idx` ON `audit_entries` (`actor_email`,`kind`,`address`);--> statement-breakpoint
-- Written by hand (drizzle-kit does not generate triggers): the audit trail is append-only in the database itself.
CREATE TRIGGER `audit_entries_no_update` BEFORE UPDATE ON `audit_entries`
BEGIN
	SELECT RAISE(ABORT, 'audit entries are append-only');
END;--> statement-breakpoint
CREATE TRIGGER `audit_entries_no_delete` BEFORE DELETE ON `audit_entries`
BEGIN
	SELECT RAISE(ABORT, 'audit entries are append-only');
END;
