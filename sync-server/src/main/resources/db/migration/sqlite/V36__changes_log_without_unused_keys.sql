-- As on PostgreSQL: no query reads the log of changes by (stream, seq) since the pulls after a
-- cursor read feed_latest (V35). The id stays here: it is the table's rowid, which costs nothing.
DROP INDEX changes_stream_seq;
