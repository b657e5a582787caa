-- terminal.mark when the server acknowledged the sale (0: rejected, or acknowledged before this
-- column existed); null while unsent. A card's 12-month spend from the cards feed (received at the
-- card row's mark) lacks this till's sales acknowledged after it, so the till adds those itself.
ALTER TABLE sales ADD COLUMN synced_mark INTEGER;
UPDATE sales SET synced_mark = 0 WHERE id IN
  (SELECT json_extract(json, '$.payload.id') FROM outbox WHERE kind = 'Sale' AND status <> 'PENDING');
