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
    version INTEGER NOT NULL DEFAULT 0
);
INSERT INTO config_versions (name, version) VALUES
    ('case_categories', 1),
    ('case_settings', 1),
    ('calendar_days', 1),
    ('dispatch_rules', 1),
    ('units', 1),
    ('regions', 1);

-- +goose StatementBegin
CREATE TRIGGER case_categories_version_insert AFTER INSERT ON case_categories BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_categories', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_categories_version_update AFTER UPDATE ON case_categories BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_categories', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_categories_version_delete AFTER DELETE ON case_categories BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_categories', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_settings_version_insert AFTER INSERT ON case_settings BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_settings', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_settings_version_update AFTER UPDATE ON case_settings BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_settings', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER case_settings_version_delete AFTER DELETE ON case_settings BEGIN
    INSERT INTO config_versions (name, version) VALUES ('case_settings', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER calendar_days_version_insert AFTER INSERT ON calendar_days BEGIN
    INSERT INTO config_versions (name, version) VALUES ('calendar_days', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER calendar_days_version_update AFTER UPDATE ON calendar_days BEGIN
    INSERT INTO config_versions (name, version) VALUES ('calendar_days', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER calendar_days_version_delete AFTER DELETE ON calendar_days BEGIN
    INSERT INTO config_versions (name, version) VALUES ('calendar_days', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dispatch_rules_version_insert AFTER INSERT ON dispatch_rules BEGIN
    INSERT INTO config_versions (name, version) VALUES ('dispatch_rules', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dispatch_rules_version_update AFTER UPDATE ON dispatch_rules BEGIN
    INSERT INTO config_versions (name, version) VALUES ('dispatch_rules', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER dispatch_rules_version_delete AFTER DELETE ON dispatch_rules BEGIN
    INSERT INTO config_versions (name, version) VALUES ('dispatch_rules', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER units_version_insert AFTER INSERT ON units BEGIN
    INSERT INTO config_versions (name, version) VALUES ('units', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER units_version_update AFTER UPDATE ON units BEGIN
    INSERT INTO config_versions (name, version) VALUES ('units', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER units_version_delete AFTER DELETE ON units BEGIN
    INSERT INTO config_versions (name, version) VALUES ('units', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER regions_version_insert AFTER INSERT ON regions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('regions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER regions_version_update AFTER UPDATE ON regions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('regions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER regions_version_delete AFTER DELETE ON regions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('regions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

-- The inbox walks a reporter's own cases newest first, as it does a unit's.
CREATE INDEX cases_reporter_created ON cases(reporter_id, created_at);
DROP INDEX cases_reporter;

-- Cases each unit leads, by state: a unit's inbox counts its 200,000 cases
-- by adding a few rows instead of walking its index. Kept by trigger like
-- case_days, so every writer leaves them right.
CREATE TABLE unit_cases (
    unit_id INTEGER NOT NULL,
    state   TEXT NOT NULL,
    n       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (unit_id, state)
);
INSERT INTO unit_cases (unit_id, state, n)
    SELECT lead_unit_id, state, COUNT(*) FROM cases WHERE lead_unit_id IS NOT NULL GROUP BY 1, 2;

-- +goose StatementBegin
CREATE TRIGGER unit_cases_insert AFTER INSERT ON cases WHEN NEW.lead_unit_id IS NOT NULL BEGIN
    INSERT INTO unit_cases (unit_id, state, n) VALUES (NEW.lead_unit_id, NEW.state, 1)
        ON CONFLICT (unit_id, state) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_cases_update AFTER UPDATE OF lead_unit_id, state ON cases
    WHEN OLD.lead_unit_id IS NOT NEW.lead_unit_id OR OLD.state IS NOT NEW.state BEGIN
    UPDATE unit_cases SET n = n - 1 WHERE unit_id = OLD.lead_unit_id AND state = OLD.state;
    INSERT INTO unit_cases (unit_id, state, n) SELECT NEW.lead_unit_id, NEW.state, 1 WHERE NEW.lead_unit_id IS NOT NULL
        ON CONFLICT (unit_id, state) DO UPDATE SET n = n + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER unit_cases_delete AFTER DELETE ON cases WHEN OLD.lead_unit_id IS NOT NULL BEGIN
    UPDATE unit_cases SET n = n - 1 WHERE unit_id = OLD.lead_unit_id AND state = OLD.state;
END;
-- +goose StatementEnd

-- +goose Down
DROP TRIGGER IF EXISTS unit_cases_delete;
DROP TRIGGER IF EXISTS unit_cases_update;
DROP TRIGGER IF EXISTS unit_cases_insert;
DROP TABLE unit_cases;
CREATE INDEX cases_reporter ON cases(reporter_id);
DROP INDEX cases_reporter_created;
DROP TRIGGER case_categories_version_insert;
DROP TRIGGER case_categories_version_update;
DROP TRIGGER case_categories_version_delete;
DROP TRIGGER case_settings_version_insert;
DROP TRIGGER case_settings_version_update;
DROP TRIGGER case_settings_version_delete;
DROP TRIGGER calendar_days_version_insert;
DROP TRIGGER calendar_days_version_update;
DROP TRIGGER calendar_days_version_delete;
DROP TRIGGER dispatch_rules_version_insert;
DROP TRIGGER dispatch_rules_version_update;
DROP TRIGGER dispatch_rules_version_delete;
DROP TRIGGER units_version_insert;
DROP TRIGGER units_version_update;
DROP TRIGGER units_version_delete;
DROP TRIGGER regions_version_insert;
DROP TRIGGER regions_version_update;
DROP TRIGGER regions_version_delete;
DROP TABLE config_versions;
