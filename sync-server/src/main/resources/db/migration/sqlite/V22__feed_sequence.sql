-- Pull feeds page by seq, and seq order must be commit order, or a reader could pass a change
-- that commits later with a smaller number. So seq is not an identity column: every transaction
-- that writes changes takes its numbers from the one row of change_seq (UPDATE ... RETURNING),
-- which locks that row until the transaction ends. Change-writing transactions therefore commit
-- one after the other in seq order (SQLite has one writer anyway).
CREATE TABLE change_seq (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO change_seq (id, n) VALUES (1, 0);

ALTER TABLE changes ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX changes_stream_seq ON changes (stream, seq);
CREATE INDEX changes_stream_entity ON changes (stream, kind, entity_key, seq);

-- Changes up to this seq may have been compacted away: a cursor below it must take a snapshot.
CREATE TABLE feed_horizon (
  id  INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL
);
INSERT INTO feed_horizon (id, seq) VALUES (1, 0);
