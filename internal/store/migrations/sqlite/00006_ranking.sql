-- +goose Up
CREATE TABLE ranking_settings (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    settings   TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

-- 通报: drafted from the figures, approved, then published and frozen.
CREATE TABLE bulletins (
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

-- 问责: supervision notices by hand, admonition talks (约谈) and exposures (曝光).
CREATE TABLE sanctions (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('notice', 'talk', 'exposure')),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    case_id     INTEGER REFERENCES cases(id),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    occurred_at TIMESTAMP NOT NULL,
    created_by  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX sanctions_unit ON sanctions(unit_id, occurred_at);

-- A period's figures read the cases dispatched, closed, due or rated in
-- it: one index per date, so the OR of the four ranges need not scan.
CREATE INDEX cases_dispatched ON cases(dispatched_at);
CREATE INDEX cases_closed ON cases(closed_at);
CREATE INDEX cases_deadline ON cases(deadline_at);
CREATE INDEX cases_rated ON cases(rated_at);

-- +goose Down
DROP INDEX cases_rated;
DROP INDEX cases_deadline;
DROP INDEX cases_closed;
DROP INDEX cases_dispatched;
DROP TABLE sanctions;
DROP TABLE bulletins;
DROP TABLE ranking_settings;
