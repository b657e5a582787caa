-- Feeds page by seq (V22); the index by (stream, id) from before that serves no query any more, and
-- every change appended (one per card a push moves) paid for it.
DROP INDEX changes_stream_id;
