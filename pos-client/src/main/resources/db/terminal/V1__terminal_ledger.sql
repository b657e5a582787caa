-- The terminal's ledger. Money columns are minor units of the terminal's currency; times are
-- ISO-8601 UTC text (Instant.toString), ids are UUID text. Sales, returns and voids are fiscal
-- documents: written once, never updated; the journal chains their canonical bytes.

CREATE TABLE terminal (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  store_id        TEXT    NOT NULL,
  terminal_id     TEXT    NOT NULL,
  currency        TEXT    NOT NULL,
  last_receipt_no INTEGER NOT NULL DEFAULT 0,
  last_z_no       INTEGER NOT NULL DEFAULT 0,
  last_hlc        INTEGER NOT NULL DEFAULT 0,
  -- a local counter that orders "pushed to the server" against "balance received from the server"
  mark            INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE shifts (
  id            TEXT    PRIMARY KEY,
  opened_by     TEXT    NOT NULL,
  opened_at     TEXT    NOT NULL,
  opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
  closed_by     TEXT,
  closed_at     TEXT,
  z_no          INTEGER UNIQUE
);
-- at most one open shift per terminal
CREATE UNIQUE INDEX shifts_one_open ON shifts ((closed_at IS NULL)) WHERE closed_at IS NULL;

CREATE TABLE cash_movements (
  id         TEXT    PRIMARY KEY,
  shift_id   TEXT    NOT NULL REFERENCES shifts (id),
  cashier_id TEXT    NOT NULL,
  amount     INTEGER NOT NULL CHECK (amount <> 0),
  reason     TEXT    NOT NULL,
  at         TEXT    NOT NULL
);
CREATE INDEX cash_movements_shift ON cash_movements (shift_id);

CREATE TABLE sales (
  id            TEXT    PRIMARY KEY,
  receipt_no    INTEGER NOT NULL UNIQUE CHECK (receipt_no > 0),
  shift_id      TEXT    NOT NULL REFERENCES shifts (id),
  store_id      TEXT    NOT NULL,
  terminal_id   TEXT    NOT NULL,
  cashier_id    TEXT    NOT NULL,
  created_at    TEXT    NOT NULL,
  currency      TEXT    NOT NULL,
  total         INTEGER NOT NULL,
  line_count    INTEGER NOT NULL CHECK (line_count > 0),
  payment_count INTEGER NOT NULL
);
CREATE INDEX sales_shift ON sales (shift_id);

CREATE TABLE sale_lines (
  sale_id        TEXT    NOT NULL REFERENCES sales (id),
  line_no        INTEGER NOT NULL,
  sku            TEXT    NOT NULL,
  barcode        TEXT,
  name           TEXT    NOT NULL,
  category_id    TEXT    NOT NULL,
  qty_value      INTEGER NOT NULL,
  qty_unit       TEXT    NOT NULL,
  unit_price     INTEGER NOT NULL,
  amount         INTEGER NOT NULL,
  discount       INTEGER NOT NULL,
  vat_code       TEXT    NOT NULL,
  vat_bp         INTEGER NOT NULL,
  points         INTEGER NOT NULL,
  flags          TEXT    NOT NULL,
  PRIMARY KEY (sale_id, line_no)
) WITHOUT ROWID;

CREATE TABLE sale_payments (
  sale_id   TEXT    NOT NULL REFERENCES sales (id),
  seq       INTEGER NOT NULL,
  method    TEXT    NOT NULL,
  amount    INTEGER NOT NULL,
  tendered  INTEGER NOT NULL,
  reference TEXT,
  PRIMARY KEY (sale_id, seq)
) WITHOUT ROWID;

CREATE TABLE sale_loyalty (
  sale_id         TEXT    PRIMARY KEY REFERENCES sales (id),
  card_number     TEXT    NOT NULL,
  program_version INTEGER NOT NULL,
  tier            TEXT,
  points_earned   INTEGER NOT NULL,
  points_redeemed INTEGER NOT NULL,
  redeemed_value  INTEGER NOT NULL,
  reservation_id  TEXT,
  offline         INTEGER NOT NULL,
  coupons         TEXT    NOT NULL
) WITHOUT ROWID;

CREATE TABLE returns (
  id               TEXT    PRIMARY KEY,
  original_sale_id TEXT    NOT NULL,
  receipt_no       INTEGER NOT NULL UNIQUE CHECK (receipt_no > 0),
  shift_id         TEXT    NOT NULL REFERENCES shifts (id),
  store_id         TEXT    NOT NULL,
  terminal_id      TEXT    NOT NULL,
  cashier_id       TEXT    NOT NULL,
  approved_by      TEXT,
  created_at       TEXT    NOT NULL,
  currency         TEXT    NOT NULL,
  total            INTEGER NOT NULL,
  card_number      TEXT,
  points_reversed  INTEGER NOT NULL,
  points_restored  INTEGER NOT NULL,
  reason           TEXT,
  line_count       INTEGER NOT NULL,
  refund_count     INTEGER NOT NULL
);
CREATE INDEX returns_original ON returns (original_sale_id);
CREATE INDEX returns_shift ON returns (shift_id);

CREATE TABLE return_lines (
  return_id        TEXT    NOT NULL REFERENCES returns (id),
  idx              INTEGER NOT NULL,
  original_line_no INTEGER NOT NULL,
  qty_value        INTEGER NOT NULL,
  qty_unit         TEXT    NOT NULL,
  refund           INTEGER NOT NULL,
  points_reversed  INTEGER NOT NULL,
  PRIMARY KEY (return_id, idx)
) WITHOUT ROWID;

CREATE TABLE return_refunds (
  return_id TEXT    NOT NULL REFERENCES returns (id),
  seq       INTEGER NOT NULL,
  method    TEXT    NOT NULL,
  amount    INTEGER NOT NULL,
  tendered  INTEGER NOT NULL,
  reference TEXT,
  PRIMARY KEY (return_id, seq)
) WITHOUT ROWID;

CREATE TABLE voids (
  id          TEXT PRIMARY KEY,
  sale_id     TEXT NOT NULL UNIQUE REFERENCES sales (id),
  shift_id    TEXT NOT NULL REFERENCES shifts (id),
  store_id    TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  cashier_id  TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  reason      TEXT NOT NULL
);

-- manager overrides (price change, line removal, return without receipt...): who allowed what
CREATE TABLE overrides (
  id          TEXT PRIMARY KEY,
  shift_id    TEXT REFERENCES shifts (id),
  action      TEXT NOT NULL,
  cashier_id  TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  sale_id     TEXT,
  reason      TEXT NOT NULL,
  at          TEXT NOT NULL
);

CREATE TABLE loyalty_entries (
  id          TEXT    PRIMARY KEY,
  card_number TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  points      INTEGER NOT NULL,
  at          TEXT    NOT NULL,
  hlc         INTEGER NOT NULL,
  store_id    TEXT    NOT NULL,
  terminal_id TEXT    NOT NULL,
  sale_id     TEXT,
  reverses    TEXT,
  expires_at  TEXT,
  reason      TEXT,
  -- terminal.mark when the server acknowledged the entry; null while unsent
  synced_mark INTEGER
);
CREATE INDEX loyalty_entries_card ON loyalty_entries (card_number);

-- the tamper-evident chain over sales, returns and voids
CREATE TABLE journal (
  seq           INTEGER PRIMARY KEY,
  doc_kind      TEXT NOT NULL,
  doc_id        TEXT NOT NULL UNIQUE,
  previous_hash TEXT NOT NULL,
  hash          TEXT NOT NULL
);

CREATE TABLE outbox (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id  TEXT    NOT NULL UNIQUE,
  kind      TEXT    NOT NULL,
  json      TEXT    NOT NULL,
  size      INTEGER NOT NULL,
  sale_at   TEXT,
  entry_id  TEXT,
  status    TEXT    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SYNCED', 'REJECTED')),
  reason    TEXT
);
CREATE INDEX outbox_pending ON outbox (status, seq);

-- the open basket, one row per line, so that a crash mid-basket loses nothing
CREATE TABLE basket_lines (
  line_no INTEGER PRIMARY KEY,
  json    TEXT NOT NULL
);

-- local copies of central data, one row per entity of a change feed
CREATE TABLE feed_entities (
  kind   TEXT    NOT NULL,
  key    TEXT    NOT NULL,
  stream TEXT    NOT NULL,
  json   TEXT    NOT NULL,
  gen    INTEGER NOT NULL,
  mark   INTEGER NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE INDEX feed_entities_stream ON feed_entities (stream, gen);

CREATE TABLE product_barcodes (
  barcode TEXT PRIMARY KEY,
  sku     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX product_barcodes_sku ON product_barcodes (sku);

CREATE TABLE feed_cursors (
  stream      TEXT    PRIMARY KEY,
  cursor      TEXT    NOT NULL,
  gen         INTEGER NOT NULL,
  in_snapshot INTEGER NOT NULL
) WITHOUT ROWID;
