-- The PostgreSQL migration of this version stores event bodies inline (SQLite never compresses
-- them). Both drop the index of ledger entries by sale: no query looks entries up by sale, and
-- every entry merged paid for it.
DROP INDEX ledger_entries_sale;
