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
    unit_id    BIGINT NOT NULL,
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
    SELECT lead_unit_id, beijing_day(dispatched_at), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.dispatched_at IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET received = excluded.received;
INSERT INTO unit_days (unit_id, day, closed, reworked, on_time)
    SELECT lead_unit_id, beijing_day(closed_at), COUNT(*), SUM((cases.rework_count > 0)::int), SUM(COALESCE((cases.reported_at <= cases.deadline_at)::int, 0)) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.closed_at IS NOT NULL AND cases.closing IN ('fixed', 'not_fixed') GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET closed = excluded.closed, reworked = excluded.reworked, on_time = excluded.on_time;
INSERT INTO unit_days (unit_id, day, late)
    SELECT lead_unit_id, beijing_day(deadline_at), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.deadline_at IS NOT NULL AND (cases.reported_at IS NULL OR cases.reported_at > cases.deadline_at) AND cases.closing NOT IN ('not_ours', 'duplicate') GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET late = excluded.late;
INSERT INTO unit_days (unit_id, day, rating_sum, rated)
    SELECT lead_unit_id, beijing_day(rated_at), SUM(cases.rating), COUNT(*) FROM cases
    WHERE lead_unit_id IS NOT NULL AND cases.rated_at IS NOT NULL AND cases.rating IS NOT NULL GROUP BY 1, 2
    ON CONFLICT (unit_id, day) DO UPDATE SET rating_sum = excluded.rating_sum, rated = excluded.rated;

-- +goose StatementBegin
CREATE FUNCTION unit_days_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    -- received: only when its own columns changed
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.dispatched_at IS DISTINCT FROM NEW.dispatched_at)) THEN
        IF OLD.lead_unit_id IS NOT NULL AND OLD.dispatched_at IS NOT NULL THEN
            UPDATE unit_days SET received = unit_days.received - 1
                WHERE unit_id = OLD.lead_unit_id AND day = beijing_day(OLD.dispatched_at);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.dispatched_at IS DISTINCT FROM NEW.dispatched_at)) THEN
        IF NEW.lead_unit_id IS NOT NULL AND NEW.dispatched_at IS NOT NULL THEN
            INSERT INTO unit_days (unit_id, day, received) VALUES (NEW.lead_unit_id, beijing_day(NEW.dispatched_at), 1)
                ON CONFLICT (unit_id, day) DO UPDATE SET received = unit_days.received + excluded.received;
        END IF;
    END IF;
    -- closed: only when its own columns changed
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.closing IS DISTINCT FROM NEW.closing OR OLD.rework_count IS DISTINCT FROM NEW.rework_count OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at)) THEN
        IF OLD.lead_unit_id IS NOT NULL AND OLD.closed_at IS NOT NULL AND OLD.closing IN ('fixed', 'not_fixed') THEN
            UPDATE unit_days SET closed = unit_days.closed - 1, reworked = unit_days.reworked - (OLD.rework_count > 0)::int, on_time = unit_days.on_time - COALESCE((OLD.reported_at <= OLD.deadline_at)::int, 0)
                WHERE unit_id = OLD.lead_unit_id AND day = beijing_day(OLD.closed_at);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.closing IS DISTINCT FROM NEW.closing OR OLD.rework_count IS DISTINCT FROM NEW.rework_count OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at)) THEN
        IF NEW.lead_unit_id IS NOT NULL AND NEW.closed_at IS NOT NULL AND NEW.closing IN ('fixed', 'not_fixed') THEN
            INSERT INTO unit_days (unit_id, day, closed, reworked, on_time) VALUES (NEW.lead_unit_id, beijing_day(NEW.closed_at), 1, (NEW.rework_count > 0)::int, COALESCE((NEW.reported_at <= NEW.deadline_at)::int, 0))
                ON CONFLICT (unit_id, day) DO UPDATE SET closed = unit_days.closed + excluded.closed, reworked = unit_days.reworked + excluded.reworked, on_time = unit_days.on_time + excluded.on_time;
        END IF;
    END IF;
    -- late: only when its own columns changed
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.closing IS DISTINCT FROM NEW.closing)) THEN
        IF OLD.lead_unit_id IS NOT NULL AND OLD.deadline_at IS NOT NULL AND (OLD.reported_at IS NULL OR OLD.reported_at > OLD.deadline_at) AND OLD.closing NOT IN ('not_ours', 'duplicate') THEN
            UPDATE unit_days SET late = unit_days.late - 1
                WHERE unit_id = OLD.lead_unit_id AND day = beijing_day(OLD.deadline_at);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.closing IS DISTINCT FROM NEW.closing)) THEN
        IF NEW.lead_unit_id IS NOT NULL AND NEW.deadline_at IS NOT NULL AND (NEW.reported_at IS NULL OR NEW.reported_at > NEW.deadline_at) AND NEW.closing NOT IN ('not_ours', 'duplicate') THEN
            INSERT INTO unit_days (unit_id, day, late) VALUES (NEW.lead_unit_id, beijing_day(NEW.deadline_at), 1)
                ON CONFLICT (unit_id, day) DO UPDATE SET late = unit_days.late + excluded.late;
        END IF;
    END IF;
    -- rated: only when its own columns changed
    IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.rated_at IS DISTINCT FROM NEW.rated_at OR OLD.rating IS DISTINCT FROM NEW.rating)) THEN
        IF OLD.lead_unit_id IS NOT NULL AND OLD.rated_at IS NOT NULL AND OLD.rating IS NOT NULL THEN
            UPDATE unit_days SET rating_sum = unit_days.rating_sum - OLD.rating, rated = unit_days.rated - 1
                WHERE unit_id = OLD.lead_unit_id AND day = beijing_day(OLD.rated_at);
        END IF;
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.rated_at IS DISTINCT FROM NEW.rated_at OR OLD.rating IS DISTINCT FROM NEW.rating)) THEN
        IF NEW.lead_unit_id IS NOT NULL AND NEW.rated_at IS NOT NULL AND NEW.rating IS NOT NULL THEN
            INSERT INTO unit_days (unit_id, day, rating_sum, rated) VALUES (NEW.lead_unit_id, beijing_day(NEW.rated_at), NEW.rating, 1)
                ON CONFLICT (unit_id, day) DO UPDATE SET rating_sum = unit_days.rating_sum + excluded.rating_sum, rated = unit_days.rated + excluded.rated;
        END IF;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER unit_days_insert AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION unit_days_count();
CREATE TRIGGER unit_days_update AFTER UPDATE OF lead_unit_id, dispatched_at, closed_at, closing, rework_count, reported_at, deadline_at, rated_at, rating ON cases FOR EACH ROW
    WHEN (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.dispatched_at IS DISTINCT FROM NEW.dispatched_at OR OLD.closed_at IS DISTINCT FROM NEW.closed_at OR OLD.closing IS DISTINCT FROM NEW.closing OR OLD.rework_count IS DISTINCT FROM NEW.rework_count OR OLD.reported_at IS DISTINCT FROM NEW.reported_at OR OLD.deadline_at IS DISTINCT FROM NEW.deadline_at OR OLD.rated_at IS DISTINCT FROM NEW.rated_at OR OLD.rating IS DISTINCT FROM NEW.rating)
    EXECUTE FUNCTION unit_days_count();

-- +goose Down
DROP TRIGGER IF EXISTS unit_days_update ON cases;
DROP TRIGGER IF EXISTS unit_days_insert ON cases;
DROP FUNCTION IF EXISTS unit_days_count();
DROP TABLE unit_days;
