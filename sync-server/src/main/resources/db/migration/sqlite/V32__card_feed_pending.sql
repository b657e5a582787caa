-- Cards whose entity in the cards feed is behind their balance, holds or spend. Whatever moves a
-- card marks it here in its own transaction (the loyalty merge, holds, adjustments), each mark
-- raising the card's version; the card publisher then writes each marked card's entity to the feed
-- once, however many times it moved meanwhile, and removes the marks whose version it read.
CREATE TABLE card_feed_pending (
  card_number TEXT PRIMARY KEY,
  version     BIGINT NOT NULL,
  marked_at   BIGINT NOT NULL
);
