-- The feeds keep each entity's latest change only (feed_latest); the log of every change goes.
-- Since V35 pulls after a cursor read feed_latest; the log was still written for every change, to
-- serve snapshots "as of their first page" and compaction. A snapshot now reads each entity's
-- latest state from feed_latest: an entity changed while a terminal pages through it may come at
-- its newer state, and it comes again in the pull after the snapshot (which starts from the seq the
-- snapshot began at), so the terminal ends at every entity's latest state, as before. Compaction
-- only has old tombstones to remove. Every change appended paid for the log: in the ingest
-- benchmark about a fifth of what the cards feed cost PostgreSQL.
-- changed_at: when the entity last changed, for compacting old tombstones.
ALTER TABLE feed_latest ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
UPDATE feed_latest f SET changed_at = c.created_at FROM changes c
  WHERE c.stream = f.stream AND c.kind = f.kind AND c.entity_key = f.entity_key AND c.seq = f.seq;
DROP TABLE changes;
