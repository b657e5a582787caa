-- Every event a terminal pushed, exactly once: the id is the terminal-made idempotency key and
-- body is the event's canonical JSON (SyncCodec), compared byte for byte when the id comes again.
CREATE TABLE sync_events (
  id            TEXT PRIMARY KEY,
  store_id      TEXT NOT NULL,
  terminal_id   TEXT NOT NULL,
  kind          TEXT NOT NULL,
  hlc           BIGINT NOT NULL,
  terminal_time BIGINT NOT NULL,
  received_at   BIGINT NOT NULL,
  body          BLOB NOT NULL
);
CREATE INDEX sync_events_kind_terminal ON sync_events (kind, terminal_id);

-- The fiscal documents' journal links as received (the union, whatever the arrival order).
CREATE TABLE journal_links (
  terminal_id   TEXT NOT NULL,
  seq           BIGINT NOT NULL,
  hash          TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  event_id      TEXT NOT NULL,
  PRIMARY KEY (terminal_id, seq, hash)
);

-- Per terminal: how far the chain is unbroken from seq 1, the highest seq seen, forks found.
CREATE TABLE journal_heads (
  terminal_id     TEXT PRIMARY KEY,
  store_id        TEXT NOT NULL,
  contiguous_seq  BIGINT NOT NULL,
  contiguous_hash TEXT NOT NULL,
  max_seq         BIGINT NOT NULL,
  updated_at      BIGINT NOT NULL
);

-- A place in a terminal's chain claimed by a document that does not fit: two documents with the
-- same seq, or a link whose previous hash is not the hash held for seq - 1.
CREATE TABLE journal_forks (
  terminal_id TEXT NOT NULL,
  seq         BIGINT NOT NULL,
  hash        TEXT NOT NULL,
  event_id    TEXT NOT NULL,
  store_id    TEXT NOT NULL,
  detected_at BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, seq, hash)
);

-- Sales in columns, for counts and reports; the full document stays in sync_events.body.
CREATE TABLE sales (
  id              TEXT PRIMARY KEY,
  event_id        TEXT NOT NULL,
  store_id        TEXT NOT NULL,
  terminal_id     TEXT NOT NULL,
  receipt_no      BIGINT NOT NULL,
  created_at      BIGINT NOT NULL,
  total_minor     BIGINT NOT NULL,
  currency        TEXT NOT NULL,
  card_number     TEXT,
  points_earned   BIGINT NOT NULL,
  points_redeemed BIGINT NOT NULL
);
CREATE INDEX sales_terminal ON sales (terminal_id);
