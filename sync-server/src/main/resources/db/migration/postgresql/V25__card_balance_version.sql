-- Counts the merges that moved a card's sums: a merge that read the card before locking it knows
-- from it whether another merge got in between (and then reads the card again under the lock).
ALTER TABLE card_balances ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
