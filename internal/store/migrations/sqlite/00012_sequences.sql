-- +goose Up
-- Numbers that people read and quote (case codes now, point codes and
-- jurisdictions' own sequences later) come from a counter per scope and
-- period, never from a row id: SQLite hands a rolled-back id to the next
-- insert, so a code built from the id could repeat and stop intake.
CREATE TABLE sequences (
    scope  TEXT NOT NULL,
    period TEXT NOT NULL,
    last   INTEGER NOT NULL,
    PRIMARY KEY (scope, period)
);
-- Cases coded before: each day continues after its highest number.
INSERT INTO sequences (scope, period, last)
    SELECT 'case', substr(code, 1, 8), MAX(CAST(substr(code, 9) AS INTEGER)) FROM cases
    WHERE length(code) >= 13 AND code NOT GLOB '*[^0-9]*' GROUP BY substr(code, 1, 8);

-- +goose Down
DROP TABLE sequences;
