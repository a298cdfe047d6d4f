-- +goose Up
-- 点位类别 with their checklists: each check is judged on the spot, links
-- to framework standards by code (stable across versions) and names the
-- case category a failure opens.
CREATE TABLE point_categories (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    sort        INTEGER NOT NULL DEFAULT 0,
    active      BOOLEAN NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE point_checks (
    id               INTEGER PRIMARY KEY,
    category_id      INTEGER NOT NULL REFERENCES point_categories(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    text             TEXT NOT NULL,
    severity         TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
    case_category_id INTEGER NOT NULL REFERENCES case_categories(id),
    standard_codes   TEXT NOT NULL,
    active           BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX point_checks_category ON point_checks(category_id, seq);

-- 实地考察点位: stored in WGS-84. last_patrol_at and last_result repeat the
-- latest patrol, written in its transaction, so the list and the map need
-- no join over every patrol.
CREATE TABLE points (
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
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX points_category ON points(category_id);
CREATE INDEX points_unit ON points(unit_id);
CREATE INDEX points_region ON points(region_id);
-- A point's open cases, counted on every points list and the cockpit map.
CREATE INDEX cases_point ON cases(point_id, state);

-- 模拟测评 rounds: the draw is reproducible from the recorded seed; the
-- score is kept as it stood when the round closed.
CREATE TABLE rounds (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id),
    seed         INTEGER,
    starts_on    TEXT NOT NULL,
    ends_on      TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('draft', 'drawn', 'closed')),
    score        TEXT,
    created_by   INTEGER REFERENCES users(id),
    created_at   TIMESTAMP NOT NULL,
    drawn_at     TIMESTAMP,
    closed_at    TIMESTAMP
);

CREATE TABLE round_categories (
    round_id    INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES point_categories(id),
    sample_size INTEGER NOT NULL,
    PRIMARY KEY (round_id, category_id)
);

CREATE TABLE round_inspectors (
    round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    user_id  INTEGER NOT NULL REFERENCES users(id),
    PRIMARY KEY (round_id, user_id)
);

CREATE TABLE round_points (
    round_id     INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    point_id     INTEGER NOT NULL REFERENCES points(id),
    inspector_id INTEGER REFERENCES users(id),
    seq          INTEGER NOT NULL,
    patrol_id    INTEGER,
    PRIMARY KEY (round_id, point_id)
);
CREATE INDEX round_points_inspector ON round_points(inspector_id);

-- Rates entered by hand for methods the system does not collect yet.
CREATE TABLE round_rates (
    round_id      INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    part          TEXT NOT NULL CHECK (part IN ('main', 'minors')),
    standard_code TEXT NOT NULL,
    method        TEXT NOT NULL,
    rate          REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    entered_by    TEXT NOT NULL DEFAULT '',
    entered_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (round_id, part, standard_code, method)
);

-- 巡查: one visit to one point; the client key makes a resubmission the
-- same patrol. The counts repeat its observations for the lists.
CREATE TABLE patrols (
    id            INTEGER PRIMARY KEY,
    client_key    TEXT NOT NULL UNIQUE,
    point_id      INTEGER NOT NULL REFERENCES points(id),
    round_id      INTEGER REFERENCES rounds(id),
    inspector_id  INTEGER REFERENCES users(id),
    started_at    TIMESTAMP,
    submitted_at  TIMESTAMP NOT NULL,
    lat           REAL,
    lng           REAL,
    distance_m    REAL,
    far           BOOLEAN NOT NULL DEFAULT FALSE,
    note          TEXT NOT NULL DEFAULT '',
    pass_count    INTEGER NOT NULL DEFAULT 0,
    fail_count    INTEGER NOT NULL DEFAULT 0,
    na_count      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX patrols_point ON patrols(point_id, submitted_at);
CREATE INDEX patrols_round ON patrols(round_id);
CREATE INDEX patrols_inspector ON patrols(inspector_id, submitted_at);

-- One judgement of one check; the point's unit and region are copied so a
-- score and its attribution read one table.
CREATE TABLE observations (
    id          INTEGER PRIMARY KEY,
    patrol_id   INTEGER NOT NULL REFERENCES patrols(id),
    point_id    INTEGER NOT NULL,
    check_id    INTEGER NOT NULL REFERENCES point_checks(id),
    round_id    INTEGER,
    unit_id     INTEGER NOT NULL,
    region_id   INTEGER,
    result      TEXT NOT NULL CHECK (result IN ('pass', 'fail', 'na')),
    note        TEXT NOT NULL DEFAULT '',
    observed_at TIMESTAMP NOT NULL,
    case_id     INTEGER REFERENCES cases(id)
);
CREATE INDEX observations_patrol ON observations(patrol_id);
CREATE INDEX observations_round ON observations(round_id, check_id, result, unit_id, region_id);
-- Covering: a score reads only the index, never the rows.
CREATE INDEX observations_at ON observations(observed_at, check_id, result, unit_id, region_id);

CREATE TABLE observation_photos (
    observation_id INTEGER NOT NULL REFERENCES observations(id),
    file_id        INTEGER NOT NULL REFERENCES files(id),
    PRIMARY KEY (observation_id, file_id)
);

-- 负面清单 events that happened: deduct or veto in the scores of their window.
CREATE TABLE negative_events (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id),
    code         TEXT NOT NULL,
    unit_id      INTEGER REFERENCES units(id),
    occurred_on  TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_by   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL
);
CREATE INDEX negative_events_on ON negative_events(occurred_on);

-- +goose Down
DROP TABLE negative_events;
DROP TABLE observation_photos;
DROP TABLE observations;
DROP TABLE patrols;
DROP TABLE round_rates;
DROP TABLE round_points;
DROP TABLE round_inspectors;
DROP TABLE round_categories;
DROP TABLE rounds;
DROP INDEX cases_point;
DROP TABLE points;
DROP TABLE point_checks;
DROP TABLE point_categories;
