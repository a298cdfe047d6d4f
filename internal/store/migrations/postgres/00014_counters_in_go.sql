-- +goose Up
-- The case counters (case_days, unit_cases, unit_days) are kept by the
-- application from here, in the transaction that writes the case, by rules
-- written once in Go (internal/cases/counters.go); `wenming recount`
-- rebuilds them. The tables and their rows stay as the triggers left them.
DROP TRIGGER IF EXISTS case_days_insert ON cases;
DROP TRIGGER IF EXISTS case_days_close ON cases;
DROP FUNCTION IF EXISTS case_days_count();
DROP TRIGGER IF EXISTS unit_cases_insert ON cases;
DROP TRIGGER IF EXISTS unit_cases_update ON cases;
DROP FUNCTION IF EXISTS unit_cases_count();
DROP TRIGGER IF EXISTS unit_days_insert ON cases;
DROP TRIGGER IF EXISTS unit_days_update ON cases;
DROP FUNCTION IF EXISTS unit_days_count();

-- +goose Down
-- A version before this one expects the triggers; roll back past 00008
-- to 00010 and migrate again to have them, or run `wenming recount` after
-- each write with that version.
SELECT 1;
