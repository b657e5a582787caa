-- PostgreSQL's V33 makes the hot key columns compare byte for byte. SQLite's default collation
-- (BINARY) already does: nothing to change here; the version is kept so both engines count alike.
SELECT 1;
