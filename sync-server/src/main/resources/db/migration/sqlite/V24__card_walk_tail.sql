-- How much of a card's history a merge can skip: the hybrid-clock value after which no running
-- balance is negative (see WalkTail); NULL when unknown, so the next merge rereads the card.
ALTER TABLE card_balances ADD COLUMN walk_tail BIGINT;
