-- The engine recompute reads each merged sale's card history (12-month spend, first purchase).
CREATE INDEX sales_card ON sales (card_number, created_at);
