-- +goose Up
-- What the case engine reads on every request, made cheap to read.

-- A version counter per configuration table that the services keep in
-- memory (the case catalogue, settings, working calendar, dispatch rules,
-- and the unit and region directories). The database bumps a table's row
-- by trigger in the very transaction that writes the table, whoever writes
-- it (a service, an import, another app server, psql), so a process reads
-- one small row set to know whether its cached copy is still current.
CREATE TABLE config_versions (
    name    TEXT PRIMARY KEY,
    version BIGINT NOT NULL DEFAULT 0
);
INSERT INTO config_versions (name, version) VALUES
    ('case_categories', 1),
    ('case_settings', 1),
    ('calendar_days', 1),
    ('dispatch_rules', 1),
    ('units', 1),
    ('regions', 1);

-- +goose StatementBegin
CREATE FUNCTION config_version_bump() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO config_versions (name, version) VALUES (TG_TABLE_NAME, 1)
        ON CONFLICT (name) DO UPDATE SET version = config_versions.version + 1;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER case_categories_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_categories
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();
CREATE TRIGGER case_settings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_settings
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();
CREATE TRIGGER calendar_days_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_days
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();
CREATE TRIGGER dispatch_rules_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON dispatch_rules
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();
CREATE TRIGGER units_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON units
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();
CREATE TRIGGER regions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON regions
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();

-- The inbox walks a reporter's own cases newest first, as it does a unit's.
CREATE INDEX cases_reporter_created ON cases(reporter_id, created_at);
DROP INDEX cases_reporter;

-- Cases each unit leads, by state: a unit's inbox counts its 200,000 cases
-- by adding a few rows instead of walking its index. Kept by trigger like
-- case_days, so every writer leaves them right.
CREATE TABLE unit_cases (
    unit_id BIGINT NOT NULL,
    state   TEXT NOT NULL,
    n       BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, state)
);
INSERT INTO unit_cases (unit_id, state, n)
    SELECT lead_unit_id, state, COUNT(*) FROM cases WHERE lead_unit_id IS NOT NULL GROUP BY 1, 2;

-- +goose StatementBegin
CREATE FUNCTION unit_cases_count() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.lead_unit_id IS NOT NULL THEN
        UPDATE unit_cases SET n = n - 1 WHERE unit_id = OLD.lead_unit_id AND state = OLD.state;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.lead_unit_id IS NOT NULL THEN
        INSERT INTO unit_cases (unit_id, state, n) VALUES (NEW.lead_unit_id, NEW.state, 1)
            ON CONFLICT (unit_id, state) DO UPDATE SET n = unit_cases.n + 1;
    END IF;
    RETURN NULL;
END
$$;
-- +goose StatementEnd
CREATE TRIGGER unit_cases_insert AFTER INSERT OR DELETE ON cases FOR EACH ROW EXECUTE FUNCTION unit_cases_count();
CREATE TRIGGER unit_cases_update AFTER UPDATE OF lead_unit_id, state ON cases FOR EACH ROW
    WHEN (OLD.lead_unit_id IS DISTINCT FROM NEW.lead_unit_id OR OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION unit_cases_count();

-- +goose Down
DROP TRIGGER IF EXISTS unit_cases_update ON cases;
DROP TRIGGER IF EXISTS unit_cases_insert ON cases;
DROP FUNCTION IF EXISTS unit_cases_count();
DROP TABLE unit_cases;
CREATE INDEX cases_reporter ON cases(reporter_id);
DROP INDEX cases_reporter_created;
DROP TRIGGER case_categories_version ON case_categories;
DROP TRIGGER case_settings_version ON case_settings;
DROP TRIGGER calendar_days_version ON calendar_days;
DROP TRIGGER dispatch_rules_version ON dispatch_rules;
DROP TRIGGER units_version ON units;
DROP TRIGGER regions_version ON regions;
DROP FUNCTION config_version_bump();
DROP TABLE config_versions;
