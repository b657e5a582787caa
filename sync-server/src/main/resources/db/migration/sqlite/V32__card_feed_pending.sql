-- Cards whose entity in the cards feed is behind their balance, holds or spend. Whatever moves a
-- card marks it here in its own transaction (the loyalty merge, holds, adjustments, expiries), and
-- the card publisher then writes each marked card's entity to the feed once, however many times it
-- moved meanwhile, and unmarks it in the same transaction. A mark is a row lock while the marking
-- transaction runs, so the publisher never publishes a card before a move it has not seen commits.
CREATE TABLE card_feed_pending (
  card_number TEXT PRIMARY KEY,
  marked_at   BIGINT NOT NULL
);
