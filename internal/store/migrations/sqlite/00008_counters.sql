-- +goose Up
-- Counters the cockpit and the live score read instead of scanning the
-- cases and the observations. The database keeps them itself, by trigger,
-- in the transaction that writes the row, so every writer (the services,
-- imports, the benchmark's generator) leaves them right. A day is a
-- Beijing calendar day, 'YYYY-MM-DD'.

-- Cases reported (intake) and closed on each day, over all cases.
CREATE TABLE case_days (
    day    TEXT PRIMARY KEY,
    intake INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO case_days (day, intake)
    SELECT date(created_at, '+8 hours'), COUNT(*) FROM cases WHERE true GROUP BY 1;
INSERT INTO case_days (day, closed)
    SELECT date(closed_at, '+8 hours'), COUNT(*) FROM cases WHERE closed_at IS NOT NULL GROUP BY 1
    ON CONFLICT (day) DO UPDATE SET closed = excluded.closed;

-- +goose StatementBegin
CREATE TRIGGER case_days_insert AFTER INSERT ON cases BEGIN
    INSERT INTO case_days (day, intake) VALUES (date(NEW.created_at, '+8 hours'), 1)
        ON CONFLICT (day) DO UPDATE SET intake = intake + 1;
    INSERT INTO case_days (day, closed) SELECT date(NEW.closed_at, '+8 hours'), 1 WHERE NEW.closed_at IS NOT NULL
        ON CONFLICT (day) DO UPDATE SET closed = closed + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_days_close AFTER UPDATE OF closed_at ON cases WHEN OLD.closed_at IS NOT NEW.closed_at BEGIN
    UPDATE case_days SET closed = closed - 1 WHERE day = date(OLD.closed_at, '+8 hours');
    INSERT INTO case_days (day, closed) SELECT date(NEW.closed_at, '+8 hours'), 1 WHERE NEW.closed_at IS NOT NULL
        ON CONFLICT (day) DO UPDATE SET closed = closed + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_days_delete AFTER DELETE ON cases BEGIN
    UPDATE case_days SET intake = intake - 1 WHERE day = date(OLD.created_at, '+8 hours');
    UPDATE case_days SET closed = closed - 1 WHERE day = date(OLD.closed_at, '+8 hours');
END;
-- +goose StatementEnd

-- Everyday patrols' judgements (outside rounds) per day and check: a live
-- score over a year reads some 300 rows a day instead of every judgement.
CREATE TABLE observation_days (
    day      TEXT NOT NULL,
    check_id INTEGER NOT NULL,
    pass     INTEGER NOT NULL DEFAULT 0,
    fail     INTEGER NOT NULL DEFAULT 0,
    na       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, check_id)
);
INSERT INTO observation_days (day, check_id, pass, fail, na)
    SELECT date(observed_at, '+8 hours'), check_id, SUM(result = 'pass'), SUM(result = 'fail'), SUM(result = 'na')
    FROM observations WHERE round_id IS NULL GROUP BY 1, 2;

-- +goose StatementBegin
CREATE TRIGGER observation_days_insert AFTER INSERT ON observations WHEN NEW.round_id IS NULL BEGIN
    INSERT INTO observation_days (day, check_id, pass, fail, na)
        VALUES (date(NEW.observed_at, '+8 hours'), NEW.check_id, NEW.result = 'pass', NEW.result = 'fail', NEW.result = 'na')
        ON CONFLICT (day, check_id) DO UPDATE SET pass = pass + excluded.pass, fail = fail + excluded.fail, na = na + excluded.na;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER observation_days_delete AFTER DELETE ON observations WHEN OLD.round_id IS NULL BEGIN
    UPDATE observation_days SET pass = pass - (OLD.result = 'pass'), fail = fail - (OLD.result = 'fail'), na = na - (OLD.result = 'na')
        WHERE day = date(OLD.observed_at, '+8 hours') AND check_id = OLD.check_id;
END;
-- +goose StatementEnd

-- The failures of everyday patrols, for the points lost by unit and region.
CREATE INDEX observations_fails ON observations(observed_at, check_id, unit_id, region_id) WHERE result = 'fail' AND round_id IS NULL;
-- Covering for a period's judgements, rounds and everyday alike, and for
-- the plain roll-up the benchmark compares with.
DROP INDEX observations_at;
CREATE INDEX observations_at ON observations(observed_at, round_id, check_id, result, unit_id, region_id);

-- The returns of a period, which the ranking counts per unit, without
-- reading every timeline event.
CREATE INDEX case_events_returned ON case_events(at) WHERE kind = 'returned';

-- +goose Down
DROP INDEX case_events_returned;
DROP INDEX observations_at;
CREATE INDEX observations_at ON observations(observed_at, check_id, result, unit_id, region_id);
DROP INDEX observations_fails;
DROP TRIGGER IF EXISTS observation_days_delete;
DROP TRIGGER IF EXISTS observation_days_insert;
DROP TABLE observation_days;
DROP TRIGGER IF EXISTS case_days_delete;
DROP TRIGGER IF EXISTS case_days_close;
DROP TRIGGER IF EXISTS case_days_insert;
DROP TABLE case_days;
