-- +goose Up
-- The judgement counters (observation_days, unit_observation_days) are kept
-- by the application from here, in the transaction that records a patrol
-- (internal/patrol/counters.go); `wenming recount` rebuilds them.
DROP TRIGGER IF EXISTS observation_days_insert ON observations;
DROP TRIGGER IF EXISTS observation_days_delete ON observations;
DROP FUNCTION IF EXISTS observation_days_count();
DROP TRIGGER IF EXISTS unit_observation_days_count ON observations;
DROP FUNCTION IF EXISTS unit_observation_days_count();

-- +goose Down
-- A version before this one expects the triggers; run `wenming recount`
-- after each write with that version.
SELECT 1;
