-- +goose NO TRANSACTION
-- +goose Up
-- Jurisdictions: one deployment runs a city, its districts and counties.
-- A jurisdiction is a region with a creation office; every campaign object
-- belongs to exactly one. An existing one-county database becomes one
-- jurisdiction per region its office's staff are scoped to (else its top
-- region), and everything in it is assigned to its county: the office's
-- region where there is one, else the top region. A city office above is
-- set up later, over the top region.
--
-- Units, point categories, bulletins and the two settings rows change their
-- keys, which SQLite only allows by rebuilding the table. A rebuild drops
-- the old table, which with foreign keys on would cascade into the rows
-- that point at it (a category's checks); so foreign keys are off for the
-- migration, which runs in its own transaction on the one write connection.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE jurisdictions (
    region_id      INTEGER PRIMARY KEY REFERENCES regions(id),
    office_unit_id INTEGER REFERENCES units(id),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

INSERT INTO jurisdictions (region_id, created_at, updated_at)
SELECT r.id, r.created_at, r.created_at FROM regions r
WHERE r.id IN (SELECT u.scope_region_id FROM users u JOIN user_roles ur ON ur.user_id = u.id
               WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff'))
   OR (r.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id
               WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff')));

CREATE TEMP TABLE county_of_upgrade AS
SELECT COALESCE(
    (SELECT MIN(u.scope_region_id) FROM users u JOIN user_roles ur ON ur.user_id = u.id
     WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff')),
    (SELECT MIN(id) FROM regions WHERE parent_id IS NULL)) AS id;

CREATE TABLE units_new (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL,
    class           TEXT NOT NULL CHECK (class IN ('A', 'B')),
    parent_id       INTEGER REFERENCES units(id),
    region_id       INTEGER REFERENCES regions(id),
    jurisdiction_id INTEGER REFERENCES regions(id),
    path            TEXT NOT NULL DEFAULT '',
    sort_key        TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (jurisdiction_id, name)
);
INSERT INTO units_new (id, name, kind, class, parent_id, region_id, jurisdiction_id, path, sort_key, created_at, updated_at)
SELECT id, name, kind, class, parent_id, region_id, (SELECT id FROM county_of_upgrade), path, sort_key, created_at, updated_at FROM units;
DROP TABLE units;
ALTER TABLE units_new RENAME TO units;
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_region ON units(region_id);
CREATE INDEX units_path ON units(path);
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

CREATE TABLE point_categories_new (
    id              INTEGER PRIMARY KEY,
    jurisdiction_id INTEGER REFERENCES regions(id),
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    sort            INTEGER NOT NULL DEFAULT 0,
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (jurisdiction_id, name)
);
INSERT INTO point_categories_new (id, jurisdiction_id, name, description, sort, active, created_at, updated_at)
SELECT id, (SELECT id FROM county_of_upgrade), name, description, sort, active, created_at, updated_at FROM point_categories;
DROP TABLE point_categories;
ALTER TABLE point_categories_new RENAME TO point_categories;

CREATE TABLE bulletins_new (
    id              INTEGER PRIMARY KEY,
    jurisdiction_id INTEGER REFERENCES regions(id),
    kind            TEXT NOT NULL CHECK (kind IN ('week', 'month', 'quarter')),
    period          TEXT NOT NULL,
    title           TEXT NOT NULL,
    summary         TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published')),
    content         TEXT NOT NULL,
    created_at      TIMESTAMP NOT NULL,
    created_by      TEXT NOT NULL DEFAULT '',
    approved_at     TIMESTAMP,
    approved_by     TEXT NOT NULL DEFAULT '',
    published_at    TIMESTAMP,
    published_by    TEXT NOT NULL DEFAULT '',
    UNIQUE (jurisdiction_id, kind, period)
);
INSERT INTO bulletins_new (id, jurisdiction_id, kind, period, title, summary, status, content, created_at, created_by, approved_at, approved_by, published_at, published_by)
SELECT id, (SELECT id FROM county_of_upgrade), kind, period, title, summary, status, content, created_at, created_by, approved_at, approved_by, published_at, published_by FROM bulletins;
DROP TABLE bulletins;
ALTER TABLE bulletins_new RENAME TO bulletins;

CREATE TABLE ranking_settings_new (
    jurisdiction_id INTEGER PRIMARY KEY REFERENCES regions(id),
    settings        TEXT NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);
INSERT INTO ranking_settings_new (jurisdiction_id, settings, updated_at)
SELECT (SELECT id FROM county_of_upgrade), settings, updated_at FROM ranking_settings
WHERE (SELECT id FROM county_of_upgrade) IS NOT NULL;
DROP TABLE ranking_settings;
ALTER TABLE ranking_settings_new RENAME TO ranking_settings;

CREATE TABLE case_settings_new (
    jurisdiction_id  INTEGER PRIMARY KEY REFERENCES regions(id),
    min_lat          REAL NOT NULL,
    min_lng          REAL NOT NULL,
    max_lat          REAL NOT NULL,
    max_lng          REAL NOT NULL,
    dup_radius_m     INTEGER NOT NULL DEFAULT 100,
    dup_window_hours INTEGER NOT NULL DEFAULT 72,
    remind_percent   INTEGER NOT NULL DEFAULT 75,
    reopen_days      INTEGER NOT NULL DEFAULT 7,
    work_start       TEXT NOT NULL DEFAULT '09:00',
    work_end         TEXT NOT NULL DEFAULT '17:00',
    updated_at       TIMESTAMP NOT NULL
);
INSERT INTO case_settings_new (jurisdiction_id, min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, updated_at)
SELECT (SELECT id FROM county_of_upgrade), min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, updated_at FROM case_settings
WHERE (SELECT id FROM county_of_upgrade) IS NOT NULL;
DROP TABLE case_settings;
ALTER TABLE case_settings_new RENAME TO case_settings;
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

-- The added columns carry no REFERENCES clause here: SQLite cannot drop a
-- column that a foreign key names, and the migration must be undoable.
ALTER TABLE frameworks ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE plans ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE target_reports ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE points ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE rounds ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE negative_events ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE sanctions ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE case_categories ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE dispatch_rules ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE webhooks ADD COLUMN jurisdiction_id INTEGER;
ALTER TABLE cases ADD COLUMN jurisdiction_id INTEGER;
UPDATE frameworks SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE plans SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE target_reports SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE points SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE rounds SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE negative_events SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE sanctions SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE case_categories SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE dispatch_rules SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE webhooks SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
UPDATE cases SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
CREATE INDEX cases_jurisdiction ON cases(jurisdiction_id, state);
CREATE INDEX points_jurisdiction ON points(jurisdiction_id);
CREATE INDEX plans_jurisdiction ON plans(jurisdiction_id);
CREATE INDEX rounds_jurisdiction ON rounds(jurisdiction_id);
DROP TABLE county_of_upgrade;

-- The case engine keeps the jurisdictions with its configuration.
INSERT INTO config_versions (name, version) VALUES ('jurisdictions', 1) ON CONFLICT (name) DO NOTHING;
-- +goose StatementBegin
CREATE TRIGGER jurisdictions_version_insert AFTER INSERT ON jurisdictions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('jurisdictions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER jurisdictions_version_update AFTER UPDATE ON jurisdictions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('jurisdictions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd
-- +goose StatementBegin
CREATE TRIGGER jurisdictions_version_delete AFTER DELETE ON jurisdictions BEGIN
    INSERT INTO config_versions (name, version) VALUES ('jurisdictions', 1) ON CONFLICT (name) DO UPDATE SET version = version + 1;
END;
-- +goose StatementEnd

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;
DROP TRIGGER jurisdictions_version_insert;
DROP TRIGGER jurisdictions_version_update;
DROP TRIGGER jurisdictions_version_delete;
DELETE FROM config_versions WHERE name = 'jurisdictions';
DROP INDEX cases_jurisdiction;
DROP INDEX points_jurisdiction;
DROP INDEX plans_jurisdiction;
DROP INDEX rounds_jurisdiction;
ALTER TABLE frameworks DROP COLUMN jurisdiction_id;
ALTER TABLE plans DROP COLUMN jurisdiction_id;
ALTER TABLE target_reports DROP COLUMN jurisdiction_id;
ALTER TABLE points DROP COLUMN jurisdiction_id;
ALTER TABLE rounds DROP COLUMN jurisdiction_id;
ALTER TABLE negative_events DROP COLUMN jurisdiction_id;
ALTER TABLE sanctions DROP COLUMN jurisdiction_id;
ALTER TABLE case_categories DROP COLUMN jurisdiction_id;
ALTER TABLE dispatch_rules DROP COLUMN jurisdiction_id;
ALTER TABLE webhooks DROP COLUMN jurisdiction_id;
ALTER TABLE cases DROP COLUMN jurisdiction_id;

CREATE TABLE units_old (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    class      TEXT NOT NULL CHECK (class IN ('A', 'B')),
    parent_id  INTEGER REFERENCES units(id),
    region_id  INTEGER REFERENCES regions(id),
    path       TEXT NOT NULL DEFAULT '',
    sort_key   TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO units_old (id, name, kind, class, parent_id, region_id, path, sort_key, created_at, updated_at)
SELECT id, name, kind, class, parent_id, region_id, path, sort_key, created_at, updated_at FROM units;
DROP TABLE units;
ALTER TABLE units_old RENAME TO units;
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_region ON units(region_id);
CREATE INDEX units_path ON units(path);
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

CREATE TABLE point_categories_old (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
INSERT INTO point_categories_old (id, name, description, sort, active, created_at, updated_at)
SELECT id, name, description, sort, active, created_at, updated_at FROM point_categories;
DROP TABLE point_categories;
ALTER TABLE point_categories_old RENAME TO point_categories;

CREATE TABLE bulletins_old (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('week', 'month', 'quarter')),
    period       TEXT NOT NULL,
    title        TEXT NOT NULL,
    summary      TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published')),
    content      TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    created_by   TEXT NOT NULL DEFAULT '',
    approved_at  TIMESTAMP,
    approved_by  TEXT NOT NULL DEFAULT '',
    published_at TIMESTAMP,
    published_by TEXT NOT NULL DEFAULT '',
    UNIQUE (kind, period)
);
INSERT INTO bulletins_old (id, kind, period, title, summary, status, content, created_at, created_by, approved_at, approved_by, published_at, published_by)
SELECT id, kind, period, title, summary, status, content, created_at, created_by, approved_at, approved_by, published_at, published_by FROM bulletins;
DROP TABLE bulletins;
ALTER TABLE bulletins_old RENAME TO bulletins;

CREATE TABLE ranking_settings_old (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    settings   TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
INSERT INTO ranking_settings_old (id, settings, updated_at)
SELECT 1, settings, updated_at FROM ranking_settings ORDER BY jurisdiction_id DESC LIMIT 1;
DROP TABLE ranking_settings;
ALTER TABLE ranking_settings_old RENAME TO ranking_settings;

CREATE TABLE case_settings_old (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    min_lat          REAL NOT NULL,
    min_lng          REAL NOT NULL,
    max_lat          REAL NOT NULL,
    max_lng          REAL NOT NULL,
    dup_radius_m     INTEGER NOT NULL DEFAULT 100,
    dup_window_hours INTEGER NOT NULL DEFAULT 72,
    remind_percent   INTEGER NOT NULL DEFAULT 75,
    reopen_days      INTEGER NOT NULL DEFAULT 7,
    work_start       TEXT NOT NULL DEFAULT '09:00',
    work_end         TEXT NOT NULL DEFAULT '17:00',
    updated_at       TIMESTAMP NOT NULL
);
INSERT INTO case_settings_old (id, min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, updated_at)
SELECT 1, min_lat, min_lng, max_lat, max_lng, dup_radius_m, dup_window_hours, remind_percent, reopen_days, work_start, work_end, updated_at
FROM case_settings ORDER BY jurisdiction_id DESC LIMIT 1;
DROP TABLE case_settings;
ALTER TABLE case_settings_old RENAME TO case_settings;
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

DROP TABLE jurisdictions;
COMMIT;
PRAGMA foreign_keys = ON;
