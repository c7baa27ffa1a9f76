-- The pipeline's record of its work, the same on both engines. A run keeps the input it was
-- started with (so a runtime that crashed can drive it again) and its closing summary; a job
-- keeps the job file its processor was given, where it writes, and how it ended; an
-- execution's history (state entered, task failed, …) is kept event by event.
ALTER TABLE runs ADD COLUMN input TEXT;
ALTER TABLE runs ADD COLUMN summary TEXT;

ALTER TABLE jobs ADD COLUMN stage INTEGER;
ALTER TABLE jobs ADD COLUMN definition TEXT;
ALTER TABLE jobs ADD COLUMN output_prefix TEXT;
ALTER TABLE jobs ADD COLUMN spec TEXT;
ALTER TABLE jobs ADD COLUMN exit_code INTEGER;
ALTER TABLE jobs ADD COLUMN status_reason TEXT;
-- When the processor itself stopped (finished_at is when the job was indexed or recorded).
ALTER TABLE jobs ADD COLUMN processor_stopped_at BIGINT;

CREATE TABLE execution_events (
    execution_name TEXT NOT NULL,
    seq            INTEGER NOT NULL,
    type           TEXT NOT NULL,
    state          TEXT,
    detail         TEXT,
    at             BIGINT NOT NULL,
    PRIMARY KEY (execution_name, seq)
);
