-- Loyalty program versions and cards (PostgreSQL). Keep in step with ../sqlite/V3__*.sql.

-- A published version never changes (sales are evaluated with the version they name).
CREATE TABLE program_versions (
  version       INTEGER PRIMARY KEY,
  document      TEXT NOT NULL,
  published_at  BIGINT NOT NULL,
  published_by  TEXT NOT NULL
);

CREATE TABLE card_batches (
  id           TEXT PRIMARY KEY,
  first_serial BIGINT NOT NULL,
  card_count   INTEGER NOT NULL,
  issued_at    BIGINT NOT NULL,
  issued_by    TEXT NOT NULL
);

-- Card numbers are Luhn-checked (dev.kassa.model.code.LoyaltyCardFormat); serials never repeat.
-- Holder fields stay empty until the card is handed to a member. Balances live in the ledger.
CREATE TABLE cards (
  card_number  TEXT PRIMARY KEY,
  serial       BIGINT NOT NULL UNIQUE,
  batch_id     TEXT REFERENCES card_batches (id),
  status       TEXT NOT NULL,
  holder_name  TEXT,
  phone        TEXT,
  birthday     TEXT,
  issued_at    BIGINT NOT NULL
);
CREATE INDEX cards_phone ON cards (phone);
