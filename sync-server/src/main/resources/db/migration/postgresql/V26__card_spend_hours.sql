-- Each card's spend per UTC hour, kept with the sales by the loyalty merge: the 12-month spend of a
-- card is a sum over its hours plus the sales of the hours at the window's ends, however many
-- sales the card has had.
CREATE TABLE card_spend_hours (
  card_number TEXT NOT NULL,
  hour        BIGINT NOT NULL,
  total_minor BIGINT NOT NULL,
  PRIMARY KEY (card_number, hour)
);
INSERT INTO card_spend_hours (card_number, hour, total_minor)
  SELECT card_number, created_at / 3600000, SUM(total_minor) FROM sales
  WHERE card_number IS NOT NULL GROUP BY card_number, created_at / 3600000;
