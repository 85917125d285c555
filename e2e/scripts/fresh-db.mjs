// node e2e/scripts/fresh-db.mjs NAME…: empties the e2e servers' databases (see e2e/databases.mjs).
import { freshDatabase } from "../databases.mjs";

for (const name of process.argv.slice(2)) await freshDatabase(name);
