-- +goose Up
CREATE TABLE frameworks (
    id            INTEGER PRIMARY KEY,
    family_id     INTEGER REFERENCES frameworks(id),
    version       INTEGER NOT NULL,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('main', 'minors')),
    status        TEXT NOT NULL CHECK (status IN ('draft', 'frozen')),
    basic_total   REAL NOT NULL,
    special_total REAL NOT NULL,
    gate_score    REAL,
    weight        REAL,
    minors_id     INTEGER REFERENCES frameworks(id),
    copied_from   INTEGER REFERENCES frameworks(id),
    frozen_at     TIMESTAMP,
    created_at    TIMESTAMP NOT NULL,
    updated_at    TIMESTAMP NOT NULL
);
CREATE INDEX frameworks_family ON frameworks(family_id);

CREATE TABLE framework_nodes (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    parent_id    INTEGER REFERENCES framework_nodes(id) ON DELETE CASCADE,
    level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
    code         TEXT NOT NULL,
    name         TEXT NOT NULL,
    part         TEXT NOT NULL CHECK (part IN ('basic', 'special')),
    weight       REAL NOT NULL DEFAULT 0,
    score_mode   TEXT NOT NULL DEFAULT 'rate' CHECK (score_mode IN ('rate', 'grade')),
    sort         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (framework_id, code)
);
CREATE INDEX framework_nodes_parent ON framework_nodes(parent_id);

CREATE TABLE standards (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    content_id   INTEGER NOT NULL REFERENCES framework_nodes(id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    text         TEXT NOT NULL,
    methods      TEXT NOT NULL,
    metric       TEXT NOT NULL DEFAULT '',
    comparator   TEXT NOT NULL DEFAULT '',
    threshold    REAL,
    threshold2   REAL,
    measure_unit TEXT NOT NULL DEFAULT '',
    categories   TEXT NOT NULL DEFAULT '',
    sort         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (framework_id, code)
);
CREATE INDEX standards_content ON standards(content_id);

CREATE TABLE standard_units (
    standard_id INTEGER NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    role        TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
    PRIMARY KEY (standard_id, unit_id, role)
);
CREATE INDEX standard_units_unit ON standard_units(unit_id);

CREATE TABLE negative_items (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    code         TEXT NOT NULL,
    text         TEXT NOT NULL,
    effect       TEXT NOT NULL CHECK (effect IN ('deduct', 'veto')),
    points       REAL,
    content_code TEXT NOT NULL DEFAULT '',
    sort         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (framework_id, code)
);

CREATE TABLE target_reports (
    id          INTEGER PRIMARY KEY,
    standard_id INTEGER NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    period      TEXT NOT NULL,
    value       REAL NOT NULL,
    evidence    TEXT NOT NULL DEFAULT '',
    reported_by INTEGER REFERENCES users(id),
    reported_at TIMESTAMP NOT NULL
);
CREATE INDEX target_reports_standard ON target_reports(standard_id, period);

CREATE TABLE plans (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL,
    name         TEXT NOT NULL,
    framework_id INTEGER REFERENCES frameworks(id),
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL
);

CREATE TABLE plan_tasks (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    title      TEXT NOT NULL,
    content    TEXT NOT NULL DEFAULT '',
    phase      TEXT NOT NULL CHECK (phase IN ('deploy', 'advance', 'consolidate')),
    deadline   TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (plan_id, seq)
);

CREATE TABLE task_units (
    task_id INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES units(id),
    role    TEXT NOT NULL CHECK (role IN ('lead', 'responsible')),
    PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_units_unit ON task_units(unit_id);

CREATE TABLE task_standards (
    task_id       INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    standard_code TEXT NOT NULL,
    PRIMARY KEY (task_id, standard_code)
);

CREATE TABLE task_reports (
    id          INTEGER PRIMARY KEY,
    task_id     INTEGER NOT NULL REFERENCES plan_tasks(id) ON DELETE CASCADE,
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    percent     INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    text        TEXT NOT NULL,
    reported_by INTEGER REFERENCES users(id),
    reported_at TIMESTAMP NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task_id, unit_id);

-- +goose Down
DROP TABLE task_reports;
DROP TABLE task_standards;
DROP TABLE task_units;
DROP TABLE plan_tasks;
DROP TABLE plans;
DROP TABLE target_reports;
DROP TABLE negative_items;
DROP TABLE standard_units;
DROP TABLE standards;
DROP TABLE framework_nodes;
DROP TABLE frameworks;
