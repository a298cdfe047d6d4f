-- +goose Up
-- Each unit's case figures per Beijing day, kept by the database as
-- case_days is: the ranking of a month sums some 30 rows a unit instead of
-- reading the month's 60,000 cases. A case counts on up to four days of its
-- lead unit: the day it was dispatched (received), the day it was closed as
-- the unit's work (closed, reworked, reported by its deadline), the day of
-- its deadline if it was not reported by then (late; the reader counts a
-- day's late cases only once their deadline has passed) and the day it was
-- rated.
CREATE TABLE unit_days (
    unit_id    INTEGER NOT NULL,
    day        TEXT NOT NULL,
    received   INTEGER NOT NULL DEFAULT 0,
    closed     INTEGER NOT NULL DEFAULT 0,
    reworked   INTEGER NOT NULL DEFAULT 0,
    on_time    INTEGER NOT NULL DEFAULT 0,
    late       INTEGER NOT NULL DEFAULT 0,
    rating_sum INTEGER NOT NULL DEFAULT 0,
    rated      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, day)
);
-- Filled from the cases already there.
INSERT INTO unit_days (unit_id, day, received)
    SELECT lead_unit_id, date(dispatched_at, '+8 hours'), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.dispatched_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET received = excluded.received;
INSERT INTO unit_days (unit_id, day, closed, reworked, on_time)
    SELECT lead_unit_id, date(closed_at, '+8 hours'), COUNT(*), SUM(cases.rework_count > 0), SUM(COALESCE(cases.reported_at <= cases.deadline_at, 0)) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.closed_at IS NOT NULL AND cases.closing IN ('fixed', 'not_fixed') GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET closed = excluded.closed, reworked = excluded.reworked, on_time = excluded.on_time;
INSERT INTO unit_days (unit_id, day, late)
    SELECT lead_unit_id, date(deadline_at, '+8 hours'), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.deadline_at IS NOT NULL AND (cases.reported_at IS NULL OR cases.reported_at > cases.deadline_at) AND cases.closing NOT IN ('not_ours', 'duplicate') GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET late = excluded.late;
INSERT INTO unit_days (unit_id, day, rating_sum, rated)
    SELECT lead_unit_id, date(rated_at, '+8 hours'), SUM(cases.rating), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.rated_at IS NOT NULL AND cases.rating IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET rating_sum = excluded.rating_sum, rated = excluded.rated;

-- +goose StatementBegin
CREATE TRIGGER unit_days_insert AFTER INSERT ON cases WHEN NEW.lead_unit_id IS NOT NULL BEGIN
    INSERT INTO unit_days (unit_id, day, received) SELECT NEW.lead_unit_id, date(NEW.dispatched_at, '+8 hours'), 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.dispatched_at IS NOT NULL
        ON CONFLICT (unit_id, day) DO UPDATE SET received = received + excluded.received;
    INSERT INTO unit_days (unit_id, day, closed, reworked, on_time) SELECT NEW.lead_unit_id, date(NEW.closed_at, '+8 hours'), 1, NEW.rework_count > 0, COALESCE(NEW.reported_at <= NEW.deadline_at, 0)
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.closed_at IS NOT NULL AND NEW.closing IN ('fixed', 'not_fixed')
        ON CONFLICT (unit_id, day) DO UPDATE SET closed = closed + excluded.closed, reworked = reworked + excluded.reworked, on_time = on_time + excluded.on_time;
    INSERT INTO unit_days (unit_id, day, late) SELECT NEW.lead_unit_id, date(NEW.deadline_at, '+8 hours'), 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.deadline_at IS NOT NULL AND (NEW.reported_at IS NULL OR NEW.reported_at > NEW.deadline_at) AND NEW.closing NOT IN ('not_ours', 'duplicate')
        ON CONFLICT (unit_id, day) DO UPDATE SET late = late + excluded.late;
    INSERT INTO unit_days (unit_id, day, rating_sum, rated) SELECT NEW.lead_unit_id, date(NEW.rated_at, '+8 hours'), NEW.rating, 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.rated_at IS NOT NULL AND NEW.rating IS NOT NULL
        ON CONFLICT (unit_id, day) DO UPDATE SET rating_sum = rating_sum + excluded.rating_sum, rated = rated + excluded.rated;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_days_delete AFTER DELETE ON cases WHEN OLD.lead_unit_id IS NOT NULL BEGIN
    UPDATE unit_days SET received = received - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.dispatched_at, '+8 hours') AND OLD.dispatched_at IS NOT NULL;
    UPDATE unit_days SET closed = closed - (1), reworked = reworked - (OLD.rework_count > 0), on_time = on_time - (COALESCE(OLD.reported_at <= OLD.deadline_at, 0))
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.closed_at, '+8 hours') AND OLD.closed_at IS NOT NULL AND OLD.closing IN ('fixed', 'not_fixed');
    UPDATE unit_days SET late = late - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.deadline_at, '+8 hours') AND OLD.deadline_at IS NOT NULL AND (OLD.reported_at IS NULL OR OLD.reported_at > OLD.deadline_at) AND OLD.closing NOT IN ('not_ours', 'duplicate');
    UPDATE unit_days SET rating_sum = rating_sum - (OLD.rating), rated = rated - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.rated_at, '+8 hours') AND OLD.rated_at IS NOT NULL AND OLD.rating IS NOT NULL;
END;
-- +goose StatementEnd

-- An action changes few of these columns: each kind moves only when its own do.
-- +goose StatementBegin
CREATE TRIGGER unit_days_received AFTER UPDATE OF lead_unit_id, dispatched_at ON cases
    WHEN OLD.lead_unit_id IS NOT NEW.lead_unit_id OR OLD.dispatched_at IS NOT NEW.dispatched_at BEGIN
    UPDATE unit_days SET received = received - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.dispatched_at, '+8 hours') AND OLD.dispatched_at IS NOT NULL;
    INSERT INTO unit_days (unit_id, day, received) SELECT NEW.lead_unit_id, date(NEW.dispatched_at, '+8 hours'), 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.dispatched_at IS NOT NULL
        ON CONFLICT (unit_id, day) DO UPDATE SET received = received + excluded.received;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_days_closed AFTER UPDATE OF lead_unit_id, closed_at, closing, rework_count, reported_at, deadline_at ON cases
    WHEN OLD.lead_unit_id IS NOT NEW.lead_unit_id OR OLD.closed_at IS NOT NEW.closed_at OR OLD.closing IS NOT NEW.closing OR OLD.rework_count IS NOT NEW.rework_count OR OLD.reported_at IS NOT NEW.reported_at OR OLD.deadline_at IS NOT NEW.deadline_at BEGIN
    UPDATE unit_days SET closed = closed - (1), reworked = reworked - (OLD.rework_count > 0), on_time = on_time - (COALESCE(OLD.reported_at <= OLD.deadline_at, 0))
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.closed_at, '+8 hours') AND OLD.closed_at IS NOT NULL AND OLD.closing IN ('fixed', 'not_fixed');
    INSERT INTO unit_days (unit_id, day, closed, reworked, on_time) SELECT NEW.lead_unit_id, date(NEW.closed_at, '+8 hours'), 1, NEW.rework_count > 0, COALESCE(NEW.reported_at <= NEW.deadline_at, 0)
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.closed_at IS NOT NULL AND NEW.closing IN ('fixed', 'not_fixed')
        ON CONFLICT (unit_id, day) DO UPDATE SET closed = closed + excluded.closed, reworked = reworked + excluded.reworked, on_time = on_time + excluded.on_time;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_days_late AFTER UPDATE OF lead_unit_id, deadline_at, reported_at, closing ON cases
    WHEN OLD.lead_unit_id IS NOT NEW.lead_unit_id OR OLD.deadline_at IS NOT NEW.deadline_at OR OLD.reported_at IS NOT NEW.reported_at OR OLD.closing IS NOT NEW.closing BEGIN
    UPDATE unit_days SET late = late - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.deadline_at, '+8 hours') AND OLD.deadline_at IS NOT NULL AND (OLD.reported_at IS NULL OR OLD.reported_at > OLD.deadline_at) AND OLD.closing NOT IN ('not_ours', 'duplicate');
    INSERT INTO unit_days (unit_id, day, late) SELECT NEW.lead_unit_id, date(NEW.deadline_at, '+8 hours'), 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.deadline_at IS NOT NULL AND (NEW.reported_at IS NULL OR NEW.reported_at > NEW.deadline_at) AND NEW.closing NOT IN ('not_ours', 'duplicate')
        ON CONFLICT (unit_id, day) DO UPDATE SET late = late + excluded.late;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_days_rated AFTER UPDATE OF lead_unit_id, rated_at, rating ON cases
    WHEN OLD.lead_unit_id IS NOT NEW.lead_unit_id OR OLD.rated_at IS NOT NEW.rated_at OR OLD.rating IS NOT NEW.rating BEGIN
    UPDATE unit_days SET rating_sum = rating_sum - (OLD.rating), rated = rated - (1)
        WHERE unit_id = OLD.lead_unit_id AND day = date(OLD.rated_at, '+8 hours') AND OLD.rated_at IS NOT NULL AND OLD.rating IS NOT NULL;
    INSERT INTO unit_days (unit_id, day, rating_sum, rated) SELECT NEW.lead_unit_id, date(NEW.rated_at, '+8 hours'), NEW.rating, 1
        WHERE NEW.lead_unit_id IS NOT NULL AND NEW.rated_at IS NOT NULL AND NEW.rating IS NOT NULL
        ON CONFLICT (unit_id, day) DO UPDATE SET rating_sum = rating_sum + excluded.rating_sum, rated = rated + excluded.rated;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER IF EXISTS unit_days_received;
DROP TRIGGER IF EXISTS unit_days_closed;
DROP TRIGGER IF EXISTS unit_days_late;
DROP TRIGGER IF EXISTS unit_days_rated;
DROP TRIGGER IF EXISTS unit_days_delete;
DROP TRIGGER IF EXISTS unit_days_insert;
DROP TABLE unit_days;
