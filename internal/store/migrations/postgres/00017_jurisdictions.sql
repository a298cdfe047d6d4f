-- +goose Up
-- Jurisdictions: one deployment runs a city, its districts and counties.
-- A jurisdiction is a region with a creation office; every campaign object
-- belongs to exactly one. An existing one-county database becomes one
-- jurisdiction per region its office's staff are scoped to (else its top
-- region), and everything in it is assigned to its county: the office's
-- region where there is one, else the top region. A city office above is
-- set up later, over the top region.
CREATE TABLE jurisdictions (
    region_id      BIGINT PRIMARY KEY REFERENCES regions(id),
    office_unit_id BIGINT REFERENCES units(id),
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

INSERT INTO jurisdictions (region_id, created_at, updated_at)
SELECT r.id, r.created_at, r.created_at FROM regions r
WHERE r.id IN (SELECT u.scope_region_id FROM users u JOIN user_roles ur ON ur.user_id = u.id
               WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff'))
   OR (r.parent_id IS NULL AND NOT EXISTS (SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id
               WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff')));

CREATE TEMP TABLE county_of_upgrade ON COMMIT DROP AS
SELECT COALESCE(
    (SELECT MIN(u.scope_region_id) FROM users u JOIN user_roles ur ON ur.user_id = u.id
     WHERE u.scope_kind = 'region' AND ur.role IN ('office_leader', 'office_staff')),
    (SELECT MIN(id) FROM regions WHERE parent_id IS NULL)) AS id;

ALTER TABLE units ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
UPDATE units SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
ALTER TABLE units DROP CONSTRAINT units_name_key;
ALTER TABLE units ADD CONSTRAINT units_jurisdiction_name_key UNIQUE (jurisdiction_id, name);

ALTER TABLE point_categories ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
UPDATE point_categories SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
ALTER TABLE point_categories DROP CONSTRAINT point_categories_name_key;
ALTER TABLE point_categories ADD CONSTRAINT point_categories_jurisdiction_name_key UNIQUE (jurisdiction_id, name);

ALTER TABLE bulletins ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
UPDATE bulletins SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
ALTER TABLE bulletins DROP CONSTRAINT bulletins_kind_period_key;
ALTER TABLE bulletins ADD CONSTRAINT bulletins_jurisdiction_kind_period_key UNIQUE (jurisdiction_id, kind, period);

ALTER TABLE ranking_settings ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
UPDATE ranking_settings SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
DELETE FROM ranking_settings WHERE jurisdiction_id IS NULL;
ALTER TABLE ranking_settings DROP CONSTRAINT ranking_settings_pkey;
ALTER TABLE ranking_settings DROP COLUMN id;
ALTER TABLE ranking_settings ADD PRIMARY KEY (jurisdiction_id);

ALTER TABLE case_settings ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
UPDATE case_settings SET jurisdiction_id = (SELECT id FROM county_of_upgrade);
DELETE FROM case_settings WHERE jurisdiction_id IS NULL;
ALTER TABLE case_settings DROP CONSTRAINT case_settings_pkey;
ALTER TABLE case_settings DROP COLUMN id;
ALTER TABLE case_settings ADD PRIMARY KEY (jurisdiction_id);

ALTER TABLE frameworks ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE plans ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE target_reports ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE points ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE rounds ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE negative_events ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE sanctions ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE case_categories ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE dispatch_rules ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE webhooks ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
ALTER TABLE cases ADD COLUMN jurisdiction_id BIGINT REFERENCES regions(id);
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

-- The case engine keeps the jurisdictions with its configuration.
INSERT INTO config_versions (name, version) VALUES ('jurisdictions', 1) ON CONFLICT (name) DO NOTHING;
CREATE TRIGGER jurisdictions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON jurisdictions
    FOR EACH STATEMENT EXECUTE FUNCTION config_version_bump();

-- +goose Down
DROP TRIGGER jurisdictions_version ON jurisdictions;
DELETE FROM config_versions WHERE name = 'jurisdictions';
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

ALTER TABLE units DROP CONSTRAINT units_jurisdiction_name_key;
ALTER TABLE units ADD CONSTRAINT units_name_key UNIQUE (name);
ALTER TABLE units DROP COLUMN jurisdiction_id;
ALTER TABLE point_categories DROP CONSTRAINT point_categories_jurisdiction_name_key;
ALTER TABLE point_categories ADD CONSTRAINT point_categories_name_key UNIQUE (name);
ALTER TABLE point_categories DROP COLUMN jurisdiction_id;
ALTER TABLE bulletins DROP CONSTRAINT bulletins_jurisdiction_kind_period_key;
ALTER TABLE bulletins ADD CONSTRAINT bulletins_kind_period_key UNIQUE (kind, period);
ALTER TABLE bulletins DROP COLUMN jurisdiction_id;
DELETE FROM ranking_settings WHERE jurisdiction_id <> (SELECT MAX(jurisdiction_id) FROM ranking_settings);
ALTER TABLE ranking_settings DROP CONSTRAINT ranking_settings_pkey;
ALTER TABLE ranking_settings ADD COLUMN id INTEGER NOT NULL DEFAULT 1 CHECK (id = 1);
ALTER TABLE ranking_settings ADD PRIMARY KEY (id);
ALTER TABLE ranking_settings DROP COLUMN jurisdiction_id;
DELETE FROM case_settings WHERE jurisdiction_id <> (SELECT MAX(jurisdiction_id) FROM case_settings);
ALTER TABLE case_settings DROP CONSTRAINT case_settings_pkey;
ALTER TABLE case_settings ADD COLUMN id INTEGER NOT NULL DEFAULT 1 CHECK (id = 1);
ALTER TABLE case_settings ADD PRIMARY KEY (id);
ALTER TABLE case_settings DROP COLUMN jurisdiction_id;
DROP TABLE jurisdictions;
