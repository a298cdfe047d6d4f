-- +goose Up
-- Each unit's patrol judgements per Beijing day, rounds and everyday
-- alike: the ranking's pass rate of a unit's points over a month sums these
-- instead of reading the month's 100,000 observations. Kept by trigger, as
-- observation_days is; a judgement's result, time and unit never change.
CREATE TABLE unit_observation_days (
    unit_id INTEGER NOT NULL,
    day     TEXT NOT NULL,
    pass    INTEGER NOT NULL DEFAULT 0,
    fail    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, day)
);
INSERT INTO unit_observation_days (unit_id, day, pass, fail)
    SELECT unit_id, date(observed_at, '+8 hours'), SUM(result = 'pass'), SUM(result = 'fail') FROM observations WHERE true GROUP BY 1, 2;

-- +goose StatementBegin
CREATE TRIGGER unit_observation_days_insert AFTER INSERT ON observations BEGIN
    INSERT INTO unit_observation_days (unit_id, day, pass, fail)
        VALUES (NEW.unit_id, date(NEW.observed_at, '+8 hours'), NEW.result = 'pass', NEW.result = 'fail')
        ON CONFLICT (unit_id, day) DO UPDATE SET pass = pass + excluded.pass, fail = fail + excluded.fail;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_observation_days_delete AFTER DELETE ON observations BEGIN
    UPDATE unit_observation_days SET pass = pass - (OLD.result = 'pass'), fail = fail - (OLD.result = 'fail')
        WHERE unit_id = OLD.unit_id AND day = date(OLD.observed_at, '+8 hours');
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER IF EXISTS unit_observation_days_delete;
DROP TRIGGER IF EXISTS unit_observation_days_insert;
DROP TABLE unit_observation_days;
