-- +goose Up
-- Each unit's patrol judgements per Beijing day, rounds and everyday
-- alike: the ranking's pass rate of a unit's points over a month sums these
-- instead of reading the month's 100,000 observations. Kept by trigger, as
-- observation_days is; a judgement's result, time and unit never change.
CREATE TABLE unit_observation_days (
    unit_id BIGINT NOT NULL,
    day     TEXT NOT NULL,
    pass    INTEGER NOT NULL DEFAULT 0,
    fail    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, day)
);
INSERT INTO unit_observation_days (unit_id, day, pass, fail)
    SELECT unit_id, beijing_day(observed_at), COUNT(*) FILTER (WHERE result = 'pass'), COUNT(*) FILTER (WHERE result = 'fail')
    FROM observations GROUP BY 1, 2;

-- +goose StatementBegin
CREATE FUNCTION unit_observation_days_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO unit_observation_days (unit_id, day, pass, fail)
            VALUES (NEW.unit_id, beijing_day(NEW.observed_at), (NEW.result = 'pass')::int, (NEW.result = 'fail')::int)
            ON CONFLICT (unit_id, day) DO UPDATE SET pass = unit_observation_days.pass + excluded.pass,
                fail = unit_observation_days.fail + excluded.fail;
    ELSE
        UPDATE unit_observation_days SET pass = pass - (OLD.result = 'pass')::int, fail = fail - (OLD.result = 'fail')::int
            WHERE unit_id = OLD.unit_id AND day = beijing_day(OLD.observed_at);
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER unit_observation_days_count AFTER INSERT OR DELETE ON observations FOR EACH ROW EXECUTE FUNCTION unit_observation_days_count();

-- +goose Down
DROP TRIGGER IF EXISTS unit_observation_days_count ON observations;
DROP FUNCTION IF EXISTS unit_observation_days_count();
DROP TABLE unit_observation_days;
