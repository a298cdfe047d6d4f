-- +goose Up
-- The account a count of failed sign-ins is about, so an administrator sees
-- which accounts strangers are guessing at and 解锁 lifts every wait on one
-- account. It is the hash of the user name as typed, hashed as the keys are
-- (internal/auth/throttle.go): what strangers type is still not kept in
-- clear. A count of an address, whatever the accounts, has none.
--
-- users.failed_logins and users.locked_until, the account lock this table
-- replaced, are no longer read or written; they stay in the schema. A server
-- still on the version before this one writes them at every sign-in while
-- an upgrade rolls through, and on SQLite dropping a column rewrites the
-- whole users table; a later migration may drop them.
ALTER TABLE login_failures ADD COLUMN account_hash TEXT;
CREATE INDEX login_failures_account ON login_failures (account_hash);

-- +goose Down
DROP INDEX login_failures_account;
ALTER TABLE login_failures DROP COLUMN account_hash;
