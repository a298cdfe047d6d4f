-- +goose Up
-- Counters the cockpit and the live score read instead of scanning the
-- cases and the observations. The database keeps them itself, by trigger,
-- in the transaction that writes the row, so every writer (the services,
-- imports, the benchmark's generator) leaves them right. A day is a
-- Beijing calendar day, 'YYYY-MM-DD'.

-- +goose StatementBegin
CREATE FUNCTION beijing_day(at TIMESTAMPTZ) RETURNS TEXT LANGUAGE SQL STABLE AS $$
    SELECT to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')
$$;
-- +goose StatementEnd

-- Cases reported (intake) and closed on each day, over all cases.
CREATE TABLE case_days (
    day    TEXT PRIMARY KEY,
    intake INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0
);
INSERT INTO case_days (day, intake)
    SELECT beijing_day(created_at), COUNT(*) FROM cases GROUP BY 1;
INSERT INTO case_days (day, closed)
    SELECT beijing_day(closed_at), COUNT(*) FROM cases WHERE closed_at IS NOT NULL GROUP BY 1
    ON CONFLICT (day) DO UPDATE SET closed = excluded.closed;

-- +goose StatementBegin
CREATE FUNCTION case_days_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF TG_OP = 'DELETE' THEN
            UPDATE case_days SET intake = intake - 1 WHERE day = beijing_day(OLD.created_at);
        END IF;
        IF OLD.closed_at IS NOT NULL THEN
            UPDATE case_days SET closed = closed - 1 WHERE day = beijing_day(OLD.closed_at);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' THEN
        INSERT INTO case_days (day, intake) VALUES (beijing_day(NEW.created_at), 1)
            ON CONFLICT (day) DO UPDATE SET intake = case_days.intake + 1;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.closed_at IS NOT NULL THEN
        INSERT INTO case_days (day, closed) VALUES (beijing_day(NEW.closed_at), 1)
            ON CONFLICT (day) DO UPDATE SET closed = case_days.closed + 1;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER case_days_insert AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION case_days_count();
CREATE TRIGGER case_days_close AFTER UPDATE OF closed_at ON cases FOR EACH ROW
    WHEN (OLD.closed_at IS DISTINCT FROM NEW.closed_at) EXECUTE FUNCTION case_days_count();

-- Everyday patrols' judgements (outside rounds) per day and check: a live
-- score over a year reads some 300 rows a day instead of every judgement.
CREATE TABLE observation_days (
    day      TEXT NOT NULL,
    check_id BIGINT NOT NULL,
    pass     INTEGER NOT NULL DEFAULT 0,
    fail     INTEGER NOT NULL DEFAULT 0,
    na       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, check_id)
);
INSERT INTO observation_days (day, check_id, pass, fail, na)
    SELECT beijing_day(observed_at), check_id, COUNT(*) FILTER (WHERE result = 'pass'), COUNT(*) FILTER (WHERE result = 'fail'),
        COUNT(*) FILTER (WHERE result = 'na')
    FROM observations WHERE round_id IS NULL GROUP BY 1, 2;

-- +goose StatementBegin
CREATE FUNCTION observation_days_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO observation_days (day, check_id, pass, fail, na)
            VALUES (beijing_day(NEW.observed_at), NEW.check_id, (NEW.result = 'pass')::int, (NEW.result = 'fail')::int, (NEW.result = 'na')::int)
            ON CONFLICT (day, check_id) DO UPDATE SET pass = observation_days.pass + excluded.pass,
                fail = observation_days.fail + excluded.fail, na = observation_days.na + excluded.na;
    ELSE
        UPDATE observation_days SET pass = pass - (OLD.result = 'pass')::int, fail = fail - (OLD.result = 'fail')::int,
            na = na - (OLD.result = 'na')::int
            WHERE day = beijing_day(OLD.observed_at) AND check_id = OLD.check_id;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER observation_days_insert AFTER INSERT ON observations FOR EACH ROW
    WHEN (NEW.round_id IS NULL) EXECUTE FUNCTION observation_days_count();
CREATE TRIGGER observation_days_delete AFTER DELETE ON observations FOR EACH ROW
    WHEN (OLD.round_id IS NULL) EXECUTE FUNCTION observation_days_count();

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
DROP TRIGGER IF EXISTS observation_days_delete ON observations;
DROP TRIGGER IF EXISTS observation_days_insert ON observations;
DROP FUNCTION IF EXISTS observation_days_count();
DROP TABLE observation_days;
DROP TRIGGER IF EXISTS case_days_close ON cases;
DROP TRIGGER IF EXISTS case_days_insert ON cases;
DROP FUNCTION IF EXISTS case_days_count();
DROP TABLE case_days;
DROP FUNCTION beijing_day(TIMESTAMPTZ);
