-- A card's balance row and its mark for the cards feed are rewritten by every merge that moves the
-- card (at 400 terminals x 500 sales on 2,000 cards, each row some 90 times), while the merges
-- that rewrote it last are often still open, so the page cannot yet be pruned of those versions.
-- With the pages half empty, the new version more often fits beside the old one (a heap-only
-- update: no new index entry; 95 % of the balance updates there and 98 % of the marks' against
-- 89 % and 86 %): the balance upsert touched 8 % fewer buffers, the marks 11 %.
-- A card's spend hours are not included: most of their rows are never updated after their hour.
ALTER TABLE card_balances SET (fillfactor = 50);
ALTER TABLE card_feed_pending SET (fillfactor = 50);
