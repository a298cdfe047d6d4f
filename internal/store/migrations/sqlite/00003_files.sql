-- +goose Up
CREATE TABLE files (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    uploaded_by  INTEGER REFERENCES users(id),
    uploaded_at  TIMESTAMP NOT NULL,
    owner_kind   TEXT NOT NULL DEFAULT '',
    owner_id     INTEGER
);
CREATE INDEX files_owner ON files(owner_kind, owner_id);

-- +goose Down
DROP TABLE files;
