-- customers.score_inputs is computed on read from the row's state (agg) now: the upkeep no longer
-- writes it, and rows that have a state drop their copy (a third of each row, written on every change).
UPDATE customers SET score_inputs = '{}' WHERE agg IS NOT NULL AND score_inputs <> '{}';
