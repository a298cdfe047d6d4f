-- +goose Up
-- The judgement counters (observation_days, unit_observation_days) are kept
-- by the application from here, in the transaction that records a patrol
-- (internal/patrol/counters.go); `wenming recount` rebuilds them.
DROP TRIGGER IF EXISTS observation_days_insert;
DROP TRIGGER IF EXISTS observation_days_delete;
DROP TRIGGER IF EXISTS unit_observation_days_insert;
DROP TRIGGER IF EXISTS unit_observation_days_delete;

-- +goose Down
-- A version before this one expects the triggers; run `wenming recount`
-- after each write with that version.
SELECT 1;
