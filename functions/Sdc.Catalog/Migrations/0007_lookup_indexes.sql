-- Indexes found by ./bench/api (1,000,000 rows on PostgreSQL). The same on both engines.
--
-- A product's versions (GET /v1/products/{id}, FileRepository.ListVersionsAsync) are found by
-- logical_id. The only index starting with it, files_latest_uq, is partial (WHERE is_latest), so
-- every metadata look-up read the whole table: ~250 ms of PostgreSQL CPU at 1M rows, ~8 look-ups/s.
CREATE INDEX files_logical_ix ON files (logical_id);

-- The long-file half of a window search (see 0003) fetched every long file overlapping the
-- window (mostly SPICE kernels: ~270 rows for one day of EMM) and dropped most of them on kind
-- and instrument after reading the table. Carrying kind and instrument in the index tests them
-- inside it (0.93 → 0.12 ms per search); it replaces files_long_ix, which it covers.
CREATE INDEX files_long_filtered_ix ON files (end_time, start_time, kind, instrument) WHERE is_long;
DROP INDEX files_long_ix;
