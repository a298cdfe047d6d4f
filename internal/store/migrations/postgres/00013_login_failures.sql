-- +goose Up
-- Failed sign-ins, counted per account from one client address and per
-- address, so guessing slows down the guesser alone and nobody can lock
-- another person out. The table is shared by every app server. Keys are
-- hashes: what strangers type as a user name is not kept.
CREATE TABLE login_failures (
    key           TEXT PRIMARY KEY,
    failures      INTEGER NOT NULL,
    first_at      TIMESTAMPTZ NOT NULL,
    blocked_until TIMESTAMPTZ
);
CREATE INDEX login_failures_first_at ON login_failures (first_at);

-- +goose Down
DROP TABLE login_failures;
