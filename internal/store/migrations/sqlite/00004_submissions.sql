-- +goose Up
CREATE TABLE requirements (
    id           INTEGER PRIMARY KEY,
    framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
    standard_id  INTEGER NOT NULL REFERENCES standards(id) ON DELETE CASCADE,
    unit_id      INTEGER NOT NULL REFERENCES units(id),
    cadence      TEXT NOT NULL DEFAULT 'quarter' CHECK (cadence IN ('month', 'quarter', 'year')),
    description  TEXT NOT NULL DEFAULT '',
    fields       TEXT NOT NULL DEFAULT '[]',
    min_files    INTEGER NOT NULL DEFAULT 1,
    created_at   TIMESTAMP NOT NULL,
    updated_at   TIMESTAMP NOT NULL,
    UNIQUE (standard_id, unit_id)
);
CREATE INDEX requirements_unit ON requirements(unit_id);

CREATE TABLE submissions (
    id             INTEGER PRIMARY KEY,
    requirement_id INTEGER NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,
    period         TEXT NOT NULL,
    version        INTEGER NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    note           TEXT NOT NULL DEFAULT '',
    field_values   TEXT NOT NULL DEFAULT '{}',
    grade          TEXT NOT NULL DEFAULT '' CHECK (grade IN ('', 'met', 'basic', 'unmet')),
    comment        TEXT NOT NULL DEFAULT '',
    file_comments  TEXT NOT NULL DEFAULT '{}',
    created_by     INTEGER REFERENCES users(id),
    submitted_at   TIMESTAMP,
    submitted_by   INTEGER REFERENCES users(id),
    reviewed_at    TIMESTAMP,
    reviewed_by    INTEGER REFERENCES users(id),
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    UNIQUE (requirement_id, period, version)
);

CREATE TABLE submission_files (
    submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    file_id       INTEGER NOT NULL REFERENCES files(id),
    PRIMARY KEY (submission_id, file_id)
);

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    read_at    TIMESTAMP
);
CREATE INDEX messages_unit ON messages(unit_id, created_at);

-- +goose Down
DROP TABLE messages;
DROP TABLE submission_files;
DROP TABLE submissions;
DROP TABLE requirements;
