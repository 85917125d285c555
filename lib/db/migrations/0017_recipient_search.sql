-- Written by hand (drizzle-kit does not know FTS5): SQLite's counterpart of PostgreSQL's trigram index on recipients
-- (migrations-pg/0003). A search inside numbers read all of the recipient index (35–55 ms at a million sends); the
-- trigram index finds the few that match. Kept by triggers in the same write as the send. Its first build reads every
-- send once (about 1.3 s a million), on the upgrade that brings it only.
CREATE VIRTUAL TABLE `sends_recipient_search` USING fts5(recipient, content='sends', content_rowid='id', tokenize='trigram');--> statement-breakpoint
INSERT INTO `sends_recipient_search`(`sends_recipient_search`) VALUES ('rebuild');--> statement-breakpoint
CREATE TRIGGER `sends_recipient_search_insert` AFTER INSERT ON `sends`
BEGIN
	INSERT INTO `sends_recipient_search`(rowid, recipient) VALUES (new.id, new.recipient);
END;--> statement-breakpoint
CREATE TRIGGER `sends_recipient_search_delete` AFTER DELETE ON `sends`
BEGIN
	INSERT INTO `sends_recipient_search`(`sends_recipient_search`, rowid, recipient) VALUES ('delete', old.id, old.recipient);
END;--> statement-breakpoint
CREATE TRIGGER `sends_recipient_search_update` AFTER UPDATE OF `recipient` ON `sends`
BEGIN
	INSERT INTO `sends_recipient_search`(`sends_recipient_search`, rowid, recipient) VALUES ('delete', old.id, old.recipient);
	INSERT INTO `sends_recipient_search`(rowid, recipient) VALUES (new.id, new.recipient);
END;
