-- Promoting a processor version (`sdc processors promote`, processors/versions.json) makes it the
-- production version while the one it replaces keeps the jobs that ran it: an instrument has had
-- several production versions, one after the other, and the current one is the latest promoted
-- (promoted_at). One production row per instrument (0002) made the first plan after a promotion
-- fail on that index.
DROP INDEX processor_versions_production_uq;
UPDATE processor_versions SET promoted_at = created_at WHERE stage = 'production' AND promoted_at IS NULL;
CREATE INDEX processor_versions_promoted_ix ON processor_versions (instrument, promoted_at) WHERE stage = 'production';
