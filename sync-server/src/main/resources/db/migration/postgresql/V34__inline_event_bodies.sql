-- A pushed event's body (its canonical JSON, about 2.9 KB for a sale of 5 lines) is stored inline
-- and uncompressed. With the default target of 2 KB, PostgreSQL compressed every sale body with
-- pglz on insert: about half of the event insert's CPU, some 27 us a sale (measured: 64,000
-- events of the ingest benchmark bound as arrays, backend CPU 1.8 s against 1.0 s), while a body
-- is read again only when its id is pushed a second time. The price is space: the table takes
-- about 2.4 times as much (129 MB against 54 MB for those events), and as much more WAL. Bodies
-- over about 8 KB (receipts of some 20 lines or more) are still compressed and moved out of line.
ALTER TABLE sync_events SET (toast_tuple_target = 8160);
-- No query looks ledger entries up by sale; every entry merged paid for this index.
DROP INDEX ledger_entries_sale;
