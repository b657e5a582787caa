-- The points ledger, append-only; balances derive from it.
CREATE TABLE ledger_entries (
  id          TEXT PRIMARY KEY,
  event_id    TEXT NOT NULL,
  card_number TEXT NOT NULL,
  type        TEXT NOT NULL,
  points      BIGINT NOT NULL,
  at          BIGINT NOT NULL,
  hlc         BIGINT NOT NULL,
  store_id    TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  sale_id     TEXT,
  reverses    TEXT,
  expires_at  BIGINT,
  reason      TEXT
);
CREATE INDEX ledger_entries_card ON ledger_entries (card_number, hlc, id);
CREATE INDEX ledger_entries_sale ON ledger_entries (sale_id);

-- The sum of a card's entries, kept in step with them in the same transaction. The row is also
-- the card's lock: reservations and merges of the same card serialise on it.
CREATE TABLE card_balances (
  card_number TEXT PRIMARY KEY,
  balance     BIGINT NOT NULL,
  negatives   BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);

-- Online holds of points (redemption by reservation).
CREATE TABLE reservations (
  id          TEXT PRIMARY KEY,
  card_number TEXT NOT NULL,
  points      BIGINT NOT NULL,
  sale_id     TEXT NOT NULL,
  store_id    TEXT NOT NULL,
  terminal_id TEXT NOT NULL,
  status      TEXT NOT NULL,
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  settled_at  BIGINT
);
CREATE INDEX reservations_card ON reservations (card_number, status);
CREATE INDEX reservations_sale ON reservations (sale_id);

-- A card overspent by offline redemptions: one row per overdraft episode, id derived from the
-- card and the redemption that took it below zero, so every server finds the same conflicts.
CREATE TABLE loyalty_conflicts (
  id              TEXT PRIMARY KEY,
  card_number     TEXT NOT NULL,
  trigger_entry   TEXT NOT NULL,
  deficit         BIGINT NOT NULL,
  involved        TEXT NOT NULL,
  status          TEXT NOT NULL,
  detected_at     BIGINT NOT NULL,
  resolved_at     BIGINT,
  resolved_by     TEXT,
  resolution      TEXT
);
CREATE INDEX loyalty_conflicts_card ON loyalty_conflicts (card_number);

CREATE TABLE conflict_stores (
  conflict_id TEXT NOT NULL,
  store_id    TEXT NOT NULL,
  PRIMARY KEY (conflict_id, store_id)
);

-- A sale whose points the server's engine computes differently from the terminal.
CREATE TABLE points_mismatches (
  sale_id         TEXT PRIMARY KEY,
  store_id        TEXT NOT NULL,
  terminal_id     TEXT NOT NULL,
  card_number     TEXT NOT NULL,
  program_version INTEGER NOT NULL,
  terminal_points BIGINT NOT NULL,
  server_points   BIGINT NOT NULL,
  detail          TEXT NOT NULL,
  recorded_at     BIGINT NOT NULL
);

-- Members as enrolled (offline, possibly twice) and as reconciled.
CREATE TABLE member_enrolments (
  event_id      TEXT PRIMARY KEY,
  card_number   TEXT NOT NULL,
  name          TEXT NOT NULL,
  phone         TEXT,
  birthday      TEXT,
  referrer_card TEXT,
  store_id      TEXT NOT NULL,
  terminal_id   TEXT NOT NULL,
  enrolled_at   BIGINT NOT NULL
);
CREATE INDEX member_enrolments_card ON member_enrolments (card_number);
CREATE INDEX member_enrolments_phone ON member_enrolments (phone);

-- Each enrolled card and the card of the member it belongs to (itself for the winner).
CREATE TABLE card_aliases (
  card_number    TEXT PRIMARY KEY,
  canonical_card TEXT NOT NULL,
  winner_event   TEXT NOT NULL
);
CREATE INDEX card_aliases_canonical ON card_aliases (canonical_card);

-- Rows locked while reconciling enrolments of one phone or card, so concurrent servers take turns.
CREATE TABLE member_locks (
  lock_key TEXT PRIMARY KEY,
  n        BIGINT NOT NULL
);
