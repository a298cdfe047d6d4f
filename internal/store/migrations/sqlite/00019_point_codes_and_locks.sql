-- +goose NO TRANSACTION
-- +goose Up
-- Point codes are unique within a jurisdiction only (two counties may both
-- number a point 001), and new ones are numbered per jurisdiction after its
-- region code. SQLite changes a table's keys only by rebuilding it; the
-- rebuild drops the old table, so foreign keys are off for it (round_points
-- and patrols point here), in the migration's own transaction.
--
-- An office may fix some of its case and ranking settings for every
-- jurisdiction below it (不允许下级调整): the settings' keys, comma-separated.
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

CREATE TABLE points_new (
    id              INTEGER PRIMARY KEY,
    jurisdiction_id INTEGER REFERENCES regions(id),
    code            TEXT NOT NULL,
    name            TEXT NOT NULL,
    category_id     INTEGER NOT NULL REFERENCES point_categories(id),
    lat             REAL NOT NULL,
    lng             REAL NOT NULL,
    address         TEXT NOT NULL DEFAULT '',
    region_id       INTEGER REFERENCES regions(id),
    grid            TEXT NOT NULL DEFAULT '',
    unit_id         INTEGER NOT NULL REFERENCES units(id),
    chief_user_id   INTEGER REFERENCES users(id),
    chief_name      TEXT NOT NULL DEFAULT '',
    chief_phone     TEXT NOT NULL DEFAULT '',
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    qr_token        TEXT NOT NULL UNIQUE,
    last_patrol_at  TIMESTAMP,
    last_result     TEXT,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL,
    UNIQUE (jurisdiction_id, code)
);
INSERT INTO points_new (id, jurisdiction_id, code, name, category_id, lat, lng, address, region_id, grid, unit_id, chief_user_id,
    chief_name, chief_phone, active, qr_token, last_patrol_at, last_result, created_at, updated_at)
SELECT id, jurisdiction_id, code, name, category_id, lat, lng, address, region_id, grid, unit_id, chief_user_id,
    chief_name, chief_phone, active, qr_token, last_patrol_at, last_result, created_at, updated_at FROM points;
DROP TABLE points;
ALTER TABLE points_new RENAME TO points;
CREATE INDEX points_category ON points(category_id);
CREATE INDEX points_unit ON points(unit_id);
CREATE INDEX points_region ON points(region_id);

ALTER TABLE case_settings ADD COLUMN locked TEXT NOT NULL DEFAULT '';
ALTER TABLE ranking_settings ADD COLUMN locked TEXT NOT NULL DEFAULT '';

COMMIT;
PRAGMA foreign_keys = ON;

-- +goose Down
PRAGMA foreign_keys = OFF;
BEGIN IMMEDIATE;

ALTER TABLE case_settings DROP COLUMN locked;
ALTER TABLE ranking_settings DROP COLUMN locked;

CREATE TABLE points_old (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    category_id   INTEGER NOT NULL REFERENCES point_categories(id),
    lat           REAL NOT NULL,
    lng           REAL NOT NULL,
    address       TEXT NOT NULL DEFAULT '',
    region_id     INTEGER REFERENCES regions(id),
    grid          TEXT NOT NULL DEFAULT '',
    unit_id       INTEGER NOT NULL REFERENCES units(id),
    chief_user_id INTEGER REFERENCES users(id),
    chief_name    TEXT NOT NULL DEFAULT '',
    chief_phone   TEXT NOT NULL DEFAULT '',
    active        BOOLEAN NOT NULL DEFAULT TRUE,
    qr_token      TEXT NOT NULL UNIQUE,
    last_patrol_at TIMESTAMP,
    last_result   TEXT,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL,
    jurisdiction_id INTEGER
);
-- Codes that now repeat across jurisdictions keep the first one's; the
-- others get their region code in front, as the old single list needs.
INSERT INTO points_old (id, code, name, category_id, lat, lng, address, region_id, grid, unit_id, chief_user_id,
    chief_name, chief_phone, active, qr_token, last_patrol_at, last_result, created_at, updated_at, jurisdiction_id)
SELECT p.id, CASE WHEN EXISTS (SELECT 1 FROM points q WHERE q.code = p.code AND q.id < p.id)
                  THEN COALESCE((SELECT code FROM regions WHERE id = p.jurisdiction_id), '') || '-' || p.code ELSE p.code END,
    p.name, p.category_id, p.lat, p.lng, p.address, p.region_id, p.grid, p.unit_id, p.chief_user_id,
    p.chief_name, p.chief_phone, p.active, p.qr_token, p.last_patrol_at, p.last_result, p.created_at, p.updated_at, p.jurisdiction_id FROM points p;
DROP TABLE points;
ALTER TABLE points_old RENAME TO points;
CREATE INDEX points_category ON points(category_id);
CREATE INDEX points_unit ON points(unit_id);
CREATE INDEX points_region ON points(region_id);
CREATE INDEX points_jurisdiction ON points(jurisdiction_id);

COMMIT;
PRAGMA foreign_keys = ON;
