-- +goose Up
-- Photos keep what the camera said (EXIF time and GPS) and a thumbnail and
-- display copy with the orientation applied; the original stays untouched.
ALTER TABLE files ADD COLUMN taken_at TIMESTAMP;
ALTER TABLE files ADD COLUMN gps_lat REAL;
ALTER TABLE files ADD COLUMN gps_lng REAL;
ALTER TABLE files ADD COLUMN width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN height INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN thumb_sha256 TEXT NOT NULL DEFAULT '';
ALTER TABLE files ADD COLUMN display_sha256 TEXT NOT NULL DEFAULT '';

-- A message may be for one person of the unit (an escalation to its head).
ALTER TABLE messages ADD COLUMN user_id INTEGER REFERENCES users(id);

CREATE TABLE case_categories (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    parent_id       INTEGER REFERENCES case_categories(id),
    kind            TEXT NOT NULL CHECK (kind IN ('part', 'event', 'campaign')),
    limit_value     INTEGER NOT NULL DEFAULT 0,
    limit_unit      TEXT NOT NULL DEFAULT 'day' CHECK (limit_unit IN ('hour', 'day')),
    default_unit_id INTEGER REFERENCES units(id),
    active          BOOLEAN NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP NOT NULL,
    updated_at      TIMESTAMP NOT NULL
);

CREATE TABLE dispatch_rules (
    id          INTEGER PRIMARY KEY,
    category_id INTEGER REFERENCES case_categories(id),
    region_id   INTEGER REFERENCES regions(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    priority    INTEGER NOT NULL DEFAULT 0,
    created_at  TIMESTAMP NOT NULL
);

-- Exceptions to the Monday-to-Friday week: holidays and swapped working days (调休).
CREATE TABLE calendar_days (
    day  TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE case_settings (
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

CREATE TABLE cases (
    id                INTEGER PRIMARY KEY,
    code              TEXT NOT NULL UNIQUE,
    source            TEXT NOT NULL,
    external_id       TEXT,
    client_key        TEXT UNIQUE,
    public_token      TEXT NOT NULL UNIQUE,
    state             TEXT NOT NULL CHECK (state IN ('new', 'registered', 'dispatched', 'handling', 'returned', 'verifying', 'closed')),
    closing           TEXT NOT NULL DEFAULT '' CHECK (closing IN ('', 'fixed', 'not_fixed', 'not_ours', 'duplicate', 'declined')),
    category_id       INTEGER NOT NULL REFERENCES case_categories(id),
    description       TEXT NOT NULL,
    address           TEXT NOT NULL DEFAULT '',
    lat               REAL,
    lng               REAL,
    region_id         INTEGER REFERENCES regions(id),
    point_id          INTEGER,
    lead_unit_id      INTEGER REFERENCES units(id),
    reporter_id       INTEGER REFERENCES users(id),
    reporter_name     TEXT NOT NULL DEFAULT '',
    reporter_phone    TEXT NOT NULL DEFAULT '',
    limit_minutes     INTEGER NOT NULL,
    registered_at     TIMESTAMP,
    dispatched_at     TIMESTAMP,
    accepted_at       TIMESTAMP,
    deadline_at       TIMESTAMP,
    reported_at       TIMESTAMP,
    closed_at         TIMESTAMP,
    overdue_at        TIMESTAMP,
    reminded_at       TIMESTAMP,
    extra_minutes     INTEGER NOT NULL DEFAULT 0,
    rework_count      INTEGER NOT NULL DEFAULT 0,
    return_count      INTEGER NOT NULL DEFAULT 0,
    hop_count         INTEGER NOT NULL DEFAULT 0,
    reopen_count      INTEGER NOT NULL DEFAULT 0,
    merged_into       INTEGER REFERENCES cases(id),
    rating            INTEGER,
    rating_comment    TEXT NOT NULL DEFAULT '',
    rated_at          TIMESTAMP,
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL,
    UNIQUE (source, external_id)
);
CREATE INDEX cases_state ON cases(state, created_at);
CREATE INDEX cases_lead ON cases(lead_unit_id, created_at);
CREATE INDEX cases_reporter ON cases(reporter_id);
CREATE INDEX cases_created ON cases(created_at);
CREATE INDEX cases_category ON cases(category_id, state);

-- Co-handling units (协办); the lead unit is on the case itself.
CREATE TABLE case_units (
    case_id INTEGER NOT NULL REFERENCES cases(id),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (case_id, unit_id)
);
CREATE INDEX case_units_unit ON case_units(unit_id);

CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    at         TIMESTAMP NOT NULL,
    kind       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES users(id),
    actor_name TEXT NOT NULL DEFAULT '',
    unit_id    INTEGER REFERENCES units(id),
    note       TEXT NOT NULL DEFAULT '',
    data       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events(case_id, id);

CREATE TABLE case_photos (
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    file_id  INTEGER NOT NULL REFERENCES files(id),
    event_id INTEGER NOT NULL REFERENCES case_events(id),
    phase    TEXT NOT NULL CHECK (phase IN ('before', 'after', 'verify')),
    PRIMARY KEY (case_id, file_id)
);

CREATE TABLE case_extensions (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases(id),
    minutes    INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'granted', 'refused')),
    ruled_note TEXT NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    ruled_at   TIMESTAMP
);
CREATE INDEX case_extensions_case ON case_extensions(case_id);

-- Due work of the case clocks: one row per reminder or overdue check,
-- claimed in batches by whichever app server gets there first.
CREATE TABLE case_timers (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id),
    kind     TEXT NOT NULL CHECK (kind IN ('remind', 'overdue')),
    due_at   TIMESTAMP NOT NULL,
    done_at  TIMESTAMP,
    outcome  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_timers_due ON case_timers(done_at, due_at);

-- 督办通知: from an overdue case, or issued by hand.
CREATE TABLE notices (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER REFERENCES cases(id),
    unit_id     INTEGER NOT NULL REFERENCES units(id),
    kind        TEXT NOT NULL CHECK (kind IN ('overdue', 'manual')),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL,
    dedupe_key  TEXT NOT NULL UNIQUE,
    created_at  TIMESTAMP NOT NULL,
    resolved_at TIMESTAMP
);
CREATE INDEX notices_unit ON notices(unit_id, created_at);

CREATE TABLE case_views (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    name       TEXT NOT NULL,
    filters    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (user_id, name)
);

CREATE TABLE webhooks (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    events     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id           INTEGER PRIMARY KEY,
    webhook_id   INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event        TEXT NOT NULL,
    case_id      INTEGER,
    payload      TEXT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TIMESTAMP NOT NULL,
    locked_until TIMESTAMP,
    last_status  INTEGER NOT NULL DEFAULT 0,
    last_error   TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMP NOT NULL,
    sent_at      TIMESTAMP
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_at);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, id);

-- +goose Down
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
DROP TABLE case_views;
DROP TABLE notices;
DROP TABLE case_timers;
DROP TABLE case_extensions;
DROP TABLE case_photos;
DROP TABLE case_events;
DROP TABLE case_units;
DROP TABLE cases;
DROP TABLE case_settings;
DROP TABLE calendar_days;
DROP TABLE dispatch_rules;
DROP TABLE case_categories;
ALTER TABLE messages DROP COLUMN user_id;
ALTER TABLE files DROP COLUMN display_sha256;
ALTER TABLE files DROP COLUMN thumb_sha256;
ALTER TABLE files DROP COLUMN height;
ALTER TABLE files DROP COLUMN width;
ALTER TABLE files DROP COLUMN gps_lng;
ALTER TABLE files DROP COLUMN gps_lat;
ALTER TABLE files DROP COLUMN taken_at;
