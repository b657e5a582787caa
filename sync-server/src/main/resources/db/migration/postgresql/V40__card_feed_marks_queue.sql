-- The cards feed's marks become a queue: a move appends one row per card (an insert, which no other
-- transaction waits for), and a turn of the card publisher deletes the rows it takes, then reads
-- their cards as they stand. The table they replace held one row per card, which every move
-- upserted and every turn locked and deleted; in the ingest benchmark that bookkeeping cost more
-- than the cards feed's log of changes (see BENCHMARKS.md). Marks waiting at the upgrade are kept.
CREATE TABLE card_feed_marks (
  card_number TEXT NOT NULL
);
INSERT INTO card_feed_marks (card_number) SELECT card_number FROM card_feed_pending;
DROP TABLE card_feed_pending;
