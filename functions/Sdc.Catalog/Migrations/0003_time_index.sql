-- Time-window search. The search finds files overlapping [From, To): start_time < To and
-- end_time > From. A B-tree on start_time alone bounds only the first half: a window late in
-- the mission would still walk every earlier row. So the search splits files by duration
-- (files.is_long: longer than one day):
--
-- * Short files (every science file, product and quicklook of this mission) that overlap the
--   window must start in [From - 1 day, To). That is a bounded range of the two indexes below,
--   walked in (start_time, id) order, the search's sort key, so a page can stop after its first
--   rows; end_time rides in the index so that files which ended before From are skipped
--   without reading the table.
-- * Long files (kernels, calibration validity ranges, multi-day products) are few; a partial
--   index on their end_time finds those still running at From.
--
-- The search queries both halves and merges them. Unlike a single "max duration" bound this
-- stays correct and fast when one kernel covers years; unlike a GiST or R*Tree index it is
-- plain B-trees, the same on both engines and cheap to maintain during bulk registration (a
-- GiST insert cost PostgreSQL about as much as all the other indexes of files together). The
-- work per window grows with a day's worth of rows, not with the size of the catalog.
CREATE INDEX files_start_ix ON files (start_time, id, end_time);
CREATE INDEX files_long_ix ON files (end_time, start_time) WHERE is_long;
