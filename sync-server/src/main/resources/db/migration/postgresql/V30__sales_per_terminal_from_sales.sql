-- The office's "sales per terminal" counts the sales table (by its terminal index) instead of the
-- sale events: every pushed sale has its row there, written in the same transaction. The events'
-- index by kind and terminal served only that count, and every pushed event paid for it.
DROP INDEX sync_events_kind_terminal;
