-- B-tree and partial indexes: the same statements work on both engines.

-- At most one latest version per logical product; the repository relies on this to detect a
-- concurrent registration of another version of the same product (it retries).
CREATE UNIQUE INDEX files_latest_uq ON files (logical_id) WHERE is_latest;
CREATE INDEX files_md5_ix ON files (md5);
CREATE INDEX files_sha256_ix ON files (sha256);
CREATE INDEX files_orbit_ix ON files (orbit) WHERE orbit IS NOT NULL;
CREATE INDEX files_job_ix ON files (job_id) WHERE job_id IS NOT NULL;
CREATE INDEX files_release_ix ON files (release_id) WHERE release_id IS NOT NULL;

CREATE INDEX lineage_input_ix ON lineage (input_id);

CREATE INDEX jobs_run_ix ON jobs (run_id);
CREATE INDEX jobs_status_ix ON jobs (status, created_at);
CREATE INDEX job_messages_job_ix ON job_messages (job_id, created_at);
CREATE UNIQUE INDEX processor_versions_production_uq ON processor_versions (instrument) WHERE stage = 'production';
