-- +goose Up
-- Point codes are unique within a jurisdiction only (two counties may both
-- number a point 001), and new ones are numbered per jurisdiction after its
-- region code.
--
-- An office may fix some of its case and ranking settings for every
-- jurisdiction below it (不允许下级调整): the settings' keys, comma-separated.
ALTER TABLE points DROP CONSTRAINT points_code_key;
DROP INDEX points_jurisdiction;
ALTER TABLE points ADD CONSTRAINT points_jurisdiction_code_key UNIQUE (jurisdiction_id, code);

ALTER TABLE case_settings ADD COLUMN locked TEXT NOT NULL DEFAULT '';
ALTER TABLE ranking_settings ADD COLUMN locked TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE case_settings DROP COLUMN locked;
ALTER TABLE ranking_settings DROP COLUMN locked;

-- Codes that now repeat across jurisdictions keep the first one's; the
-- others get their region code in front, as the old single list needs.
UPDATE points p SET code = COALESCE((SELECT code FROM regions WHERE id = p.jurisdiction_id), '') || '-' || p.code
WHERE EXISTS (SELECT 1 FROM points q WHERE q.code = p.code AND q.id < p.id);
ALTER TABLE points DROP CONSTRAINT points_jurisdiction_code_key;
CREATE INDEX points_jurisdiction ON points(jurisdiction_id);
ALTER TABLE points ADD CONSTRAINT points_code_key UNIQUE (code);
