import { defineConfig } from "drizzle-kit";

// SQLite's migrations (the embedded database). PostgreSQL's: drizzle.pg.config.ts. Both come from one definition,
// lib/db/schema-definition.ts: `npm run db:generate` writes both.
export default defineConfig({
  dialect: "sqlite",
  schema: "./lib/db/schema.sqlite.ts",
  out: "./lib/db/migrations",
});
