-- Catalog (PostgreSQL). Keep in step with ../sqlite/V2__catalog.sql.
-- Entities are kept as the JSON the terminals receive (SyncCodec of the shared-model record), plus
-- the columns the server looks things up by.

CREATE TABLE vat_rates (
  code        TEXT PRIMARY KEY,
  data        TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE categories (
  id          TEXT PRIMARY KEY,
  parent_id   TEXT,
  data        TEXT NOT NULL,
  updated_at  BIGINT NOT NULL
);

CREATE TABLE products (
  sku          TEXT PRIMARY KEY,
  category_id  TEXT NOT NULL REFERENCES categories (id),
  vat_code     TEXT NOT NULL REFERENCES vat_rates (code),
  price_minor  BIGINT NOT NULL,
  currency     TEXT NOT NULL,
  data         TEXT NOT NULL,
  updated_at   BIGINT NOT NULL
);

-- A barcode belongs to one product at a time.
CREATE TABLE product_barcodes (
  barcode  TEXT PRIMARY KEY,
  sku      TEXT NOT NULL REFERENCES products (sku)
);
CREATE INDEX product_barcodes_sku ON product_barcodes (sku);
