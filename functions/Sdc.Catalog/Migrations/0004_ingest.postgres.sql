-- Ingest bookkeeping: deliveries waiting for their files, files archived outside any delivery
-- (waiting for a quiet period before their manifest), and problems the reconciler found.
-- The SQLite version differs only in the surrogate key and collation (see 0001).

-- One row per delivery record received. `status` is WAITING until every listed file has an
-- outcome, then COMPLETE; `manifest_key` names the processing manifest written for it (null
-- when nothing new was archived).
CREATE TABLE deliveries (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    record_name  TEXT COLLATE "C" NOT NULL UNIQUE,
    record_key   TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    received_at  BIGINT NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('WAITING', 'COMPLETE')),
    manifest_key TEXT,
    completed_at BIGINT
);

-- The files a record lists, with what became of each (null while it has not arrived).
CREATE TABLE delivery_files (
    delivery_id BIGINT NOT NULL REFERENCES deliveries (id) ON DELETE CASCADE,
    name        TEXT COLLATE "C" NOT NULL,
    size_bytes  BIGINT NOT NULL CHECK (size_bytes >= 0),
    md5         TEXT NOT NULL CHECK (length(md5) = 32),
    outcome     TEXT CHECK (outcome IN ('ARCHIVED', 'DUPLICATE', 'CONFLICT', 'QUARANTINED')),
    file_id     BIGINT REFERENCES files (id),
    PRIMARY KEY (delivery_id, name)
);
CREATE INDEX delivery_files_name_ix ON delivery_files (name);

-- Files archived on a .md5 sidecar, not a delivery record: they go into one manifest once
-- none has arrived for the quiet period.
CREATE TABLE loose_files (
    file_id     BIGINT PRIMARY KEY REFERENCES files (id),
    archived_at BIGINT NOT NULL
);

-- What the reconciler found wrong with a catalogued file (one problem per file at a time).
CREATE TABLE file_problems (
    file_id     BIGINT PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
    problem     TEXT NOT NULL CHECK (problem IN ('LOST', 'SIZE_MISMATCH', 'CHECKSUM_MISMATCH')),
    detail      TEXT NOT NULL,
    detected_at BIGINT NOT NULL
);
