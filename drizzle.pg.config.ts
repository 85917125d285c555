import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations (several instances on one database); see drizzle.config.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.pg.ts",
  out: "./lib/db/migrations-pg",
});
