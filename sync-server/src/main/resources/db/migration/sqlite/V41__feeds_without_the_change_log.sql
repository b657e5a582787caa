-- As on PostgreSQL (see its V41): the feeds keep each entity's latest change only; snapshots read
-- feed_latest, and compaction removes old tombstones from it.
ALTER TABLE feed_latest ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE feed_latest SET changed_at = COALESCE((SELECT c.created_at FROM changes c WHERE c.stream = feed_latest.stream
  AND c.kind = feed_latest.kind AND c.entity_key = feed_latest.entity_key AND c.seq = feed_latest.seq), 0);
DROP TABLE changes;
