-- Access: the local issuer's users and refresh tokens, and public releases. The same on both
-- engines.
--
-- Users of the local issuer (on AWS the Cognito user pool holds them instead). `groups` is the
-- space-separated list of Cognito groups (admin, team, itf-<instrument>); `password_hash` is a
-- self-describing PBKDF2 string (algorithm, iterations, salt, hash), so the work factor can grow
-- without a migration.
CREATE TABLE users (
    username      TEXT NOT NULL PRIMARY KEY,
    password_hash TEXT NOT NULL,
    groups        TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

-- Refresh tokens are random; only their SHA-256 is kept, so a copy of the catalog cannot sign
-- anyone in. The repository deletes a user's tokens with the user (SQLite enforces no foreign keys
-- here).
CREATE TABLE refresh_tokens (
    token_hash TEXT NOT NULL PRIMARY KEY,
    username   TEXT NOT NULL REFERENCES users (username) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX refresh_tokens_user_ix ON refresh_tokens (username);

-- Releases are numbered 1, 2, … (ids may skip on PostgreSQL when a transaction rolls back; a
-- release's number must not). `files.release_id` is the first release that made a file public;
-- `release_files` lists every file of every release (a file still latest at the next cutoff is in
-- both), and is what a release manifest is written from.
ALTER TABLE releases ADD COLUMN number INTEGER;
ALTER TABLE releases ADD COLUMN notes TEXT;
ALTER TABLE releases ADD COLUMN file_count BIGINT;
CREATE UNIQUE INDEX releases_number_uq ON releases (number);

CREATE TABLE release_files (
    release_id BIGINT NOT NULL REFERENCES releases (id),
    file_id    BIGINT NOT NULL REFERENCES files (id),
    PRIMARY KEY (release_id, file_id)
);

-- The highest released version of each logical product: what public searches with
-- version=latest return (is_latest may point at a newer version not yet released).
ALTER TABLE files ADD COLUMN is_public_latest BOOLEAN NOT NULL DEFAULT FALSE;
CREATE UNIQUE INDEX files_public_latest_uq ON files (logical_id) WHERE is_public_latest;
