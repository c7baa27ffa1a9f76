-- Core tables. The SQLite and PostgreSQL versions of this file differ only where the engines
-- have no common spelling:
-- * surrogate keys: SQLite auto-numbers a column only when it is declared exactly `INTEGER
--   PRIMARY KEY` (AUTOINCREMENT so that ids of deleted rows are never handed out again: the API
--   exposes them); PostgreSQL needs an identity column (its INTEGER is 32-bit, not auto-numbered);
-- * binary checksums: BLOB here, BYTEA there (raw bytes halve the size of their indexes);
-- * collation: PostgreSQL compares the indexed names byte by byte (COLLATE "C"), as SQLite
--   always does, so both sort the same and a server locale cannot slow every index look-up.
-- Everything else is the common subset: TEXT, BIGINT, INTEGER, BOOLEAN (SQLite stores 0/1),
-- CHECK constraints, a stored generated column. Times are BIGINT microseconds since
-- 1970-01-01T00:00:00Z (UTC): integers sort, index and compare identically on both engines and
-- round-trip exactly.

CREATE TABLE releases (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    name         TEXT NOT NULL UNIQUE,
    cutoff_time  BIGINT NOT NULL,
    manifest_key TEXT,
    created_at   BIGINT NOT NULL
);

CREATE TABLE processor_versions (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    instrument        TEXT NOT NULL,
    version           TEXT NOT NULL,
    image_digest      TEXT NOT NULL,
    stage             TEXT NOT NULL CHECK (stage IN ('staging', 'production')),
    validation_result TEXT CHECK (validation_result IN ('PASSED', 'FAILED')),
    validation_key    TEXT,
    created_at        BIGINT NOT NULL,
    promoted_at       BIGINT,
    UNIQUE (instrument, version)
);

CREATE TABLE runs (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_name TEXT NOT NULL UNIQUE,
    manifest_key   TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('delivery', 'reprocessing', 'manual')),
    status         TEXT NOT NULL CHECK (status IN ('RUNNING', 'OK', 'WARNING', 'ERROR')),
    started_at     BIGINT NOT NULL,
    finished_at    BIGINT
);

CREATE TABLE jobs (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id               BIGINT NOT NULL REFERENCES runs (id),
    identity_hash        TEXT NOT NULL UNIQUE,
    instrument           TEXT NOT NULL,
    level                TEXT NOT NULL,
    processor_version_id BIGINT NOT NULL REFERENCES processor_versions (id),
    queue                TEXT NOT NULL,
    status               TEXT NOT NULL
        CHECK (status IN ('SCHEDULED', 'PROCESSING', 'OK', 'WARNING', 'ERROR', 'TIMED_OUT')),
    attempts             INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    log_key              TEXT,
    created_at           BIGINT NOT NULL,
    started_at           BIGINT,
    finished_at          BIGINT
);

CREATE TABLE job_messages (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    job_id     BIGINT NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    code       TEXT NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'ERROR')),
    text       TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- Every archived object. `logical_id` names a product independently of its version (the key
-- without `_vMM-mm`); `is_latest` marks the highest version of each logical id and is kept by
-- the repository (a partial unique index in 0002 guarantees at most one per logical id).
CREATE TABLE files (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket        TEXT NOT NULL,
    key           TEXT NOT NULL UNIQUE,
    kind          TEXT NOT NULL
        CHECK (kind IN ('science', 'housekeeping', 'kernel', 'calibration', 'product', 'quicklook', 'log')),
    instrument    TEXT,
    level         TEXT,
    descriptor    TEXT,
    start_time    BIGINT,
    end_time      BIGINT,
    -- Longer than a day (86400000000 µs): such files are searched through their own index (0003).
    -- Stored so that both planners have statistics on how few they are.
    is_long       BOOLEAN GENERATED ALWAYS AS (end_time - start_time > 86400000000) STORED,
    orbit         INTEGER,
    logical_id    TEXT NOT NULL,
    version_major INTEGER NOT NULL CHECK (version_major >= 0),
    version_minor INTEGER NOT NULL CHECK (version_minor >= 0),
    is_latest     BOOLEAN NOT NULL DEFAULT FALSE,
    size_bytes    BIGINT NOT NULL CHECK (size_bytes >= 0),
    md5           BLOB NOT NULL CHECK (length(md5) = 16),
    sha256        BLOB NOT NULL CHECK (length(sha256) = 32),
    status        TEXT NOT NULL CHECK (status IN ('ARCHIVED', 'QUARANTINED', 'WITHDRAWN')),
    ingested_at   BIGINT NOT NULL,
    job_id        BIGINT REFERENCES jobs (id),
    release_id    BIGINT REFERENCES releases (id),
    CHECK ((start_time IS NULL) = (end_time IS NULL)),
    CHECK (end_time >= start_time)
);

-- Product -> input (science data, kernel or calibration file it was made from).
CREATE TABLE lineage (
    product_id BIGINT NOT NULL REFERENCES files (id) ON DELETE CASCADE,
    input_id   BIGINT NOT NULL REFERENCES files (id),
    role       TEXT NOT NULL CHECK (role IN ('input', 'kernel', 'calibration')),
    PRIMARY KEY (product_id, input_id),
    CHECK (product_id <> input_id)
);
