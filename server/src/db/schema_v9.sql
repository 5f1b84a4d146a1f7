-- Zëri schema, version 9: an inbox's counts come from the daily totals. The totals of one
-- institution (or category, or municipality) are found by their key, whatever their day, so the
-- "all", "new" and "overdue" counts of an inbox add up a few hundred totals instead of counting
-- tens of thousands of complaints. Each index holds the count it is read for (and, as every
-- index of a table without rowid does, the table's key), so the table itself is not read.

CREATE INDEX daily_figures_by_key ON daily_figures (dimension, key, received);
CREATE INDEX daily_open_by_key ON daily_open (dimension, key, open);
