-- Since V35 a pull after a cursor reads feed_latest, so the log of changes is read only by
-- snapshots (by stream, kind and entity: changes_stream_entity) and by compaction (by creation
-- time). Its index by (stream, seq) and its id (a sequence and a primary key) served no query, and
-- every change appended paid for both: 26,000 card changes appended in one statement touched
-- 237,000 buffers and wrote 105,000 WAL records with them, 107,000 and 54,000 without.
DROP INDEX changes_stream_seq;
ALTER TABLE changes DROP COLUMN id;
