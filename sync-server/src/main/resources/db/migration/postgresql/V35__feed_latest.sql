-- Each entity's latest change per feed, beside the log of every change. A terminal back from an
-- outage pulls from its old cursor: reading the log, the server walked every state each card went
-- through while other tills pushed (tens of thousands of changes a pull); reading this table it
-- reads each entity changed since once. store_key is '' for a change that concerns every store.
-- Written by ChangeLog.appendAll in the transaction of the change, so seqs here become visible in
-- the order they were taken, as in the log.
-- Its key compares byte for byte (as in V33): it is only ever looked up, never ordered for people.
CREATE TABLE feed_latest (
  stream     TEXT COLLATE "C" NOT NULL,
  kind       TEXT COLLATE "C" NOT NULL,
  entity_key TEXT COLLATE "C" NOT NULL,
  store_key  TEXT COLLATE "C" NOT NULL,
  seq        BIGINT NOT NULL,
  data       TEXT,
  PRIMARY KEY (stream, kind, entity_key, store_key)
);
CREATE INDEX feed_latest_stream_seq ON feed_latest (stream, seq);
INSERT INTO feed_latest (stream, kind, entity_key, store_key, seq, data)
  SELECT c.stream, c.kind, c.entity_key, COALESCE(c.store_id, ''), c.seq, c.data FROM changes c
  WHERE NOT EXISTS (SELECT 1 FROM changes l WHERE l.stream = c.stream AND l.kind = c.kind
    AND l.entity_key = c.entity_key AND COALESCE(l.store_id, '') = COALESCE(c.store_id, '') AND l.seq > c.seq);
