-- PostgreSQL only (written by hand): the history's search inside recipients (`ILIKE '%…%'`) through a trigram index,
-- about 1 ms instead of 25-100 ms at 100,000 sends. Where pg_trgm cannot be installed, the search scans instead.
DO $$
DECLARE
  trgm_schema text;
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
  SELECT n.nspname INTO trgm_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'pg_trgm';
  EXECUTE format(
    'CREATE INDEX IF NOT EXISTS "sends_recipient_trgm_idx" ON "sends" USING gin ("recipient" %I.gin_trgm_ops)',
    trgm_schema
  );
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'Bellhop: pg_trgm is not available (%), the recipient search will scan the table', SQLERRM;
END $$;
