ALTER TABLE `broadcasts` ADD `idempotency_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `broadcasts_idempotency_key_idx` ON `broadcasts` (`idempotency_key`);