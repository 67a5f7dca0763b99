-- psql -v interactions=N (default 10,000,000), run as the superuser AFTER positions.sql and veterans.sql.
-- Every row is source = 'synthetic', between the bench veterans (测试N) and the bench positions (created_by = 'bench'):
-- each veteran gets interactions/veterans rows, 80% impressions (rank 1–20) and the rest views, saves,
-- applications, interviews and hires with the graded label the log maps them to (V5).
\if :{?interactions} \else \set interactions 10000000 \endif
\timing on
-- One transaction: a failure leaves the table and its indexes as they were.
BEGIN;
-- Superuser only: skips the foreign-key triggers (every id below comes from the referenced tables), and the
-- indexes are rebuilt once at the end instead of being maintained row by row.
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';
CREATE TEMP TABLE bench_v AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM veterans WHERE synthetic AND name LIKE '测试%';
CREATE TEMP TABLE bench_p AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM positions WHERE created_by = 'bench';
CREATE UNIQUE INDEX ON bench_v (n);
CREATE UNIQUE INDEX ON bench_p (n);
ANALYZE bench_v; ANALYZE bench_p;
SELECT count(*) AS vc FROM bench_v \gset
SELECT count(*) AS pc FROM bench_p \gset
ALTER TABLE interactions DROP CONSTRAINT IF EXISTS interactions_pkey;
DROP INDEX IF EXISTS interactions_veteran_position, interactions_position, interactions_at;
INSERT INTO interactions (id, at, veteran_id, position_id, kind, label, rank, model, source)
SELECT gen_random_uuid(), now() - (g % 730) * interval '1 hour' - (g % 97) * interval '1 day', v.id, p.id,
       k.kind, k.label, CASE WHEN k.kind = 'impression' THEN 1 + g % 20 END, CASE WHEN k.kind = 'impression' THEN 'heuristic' END, 'synthetic'
FROM generate_series(0::bigint, :interactions - 1) g
JOIN bench_v v ON v.n = 1 + g % :vc
JOIN bench_p p ON p.n = 1 + ((g / :vc) * 7919 + (g % :vc) * 104729) % :pc
JOIN (VALUES (0, 'view', 1), (1, 'save', 2), (2, 'application', 2), (3, 'interview', 3), (4, 'hired', 4), (5, 'view', 1), (6, 'not_interested', 0), (7, 'application', 2))
     AS k0 (slot, kind, label) ON true
CROSS JOIN LATERAL (SELECT CASE WHEN g % 5 = 0 THEN k0.kind ELSE 'impression' END AS kind,
                           CASE WHEN g % 5 = 0 THEN k0.label ELSE 0 END AS label) k
WHERE k0.slot = (g / 5) % 8;
ALTER TABLE interactions ADD PRIMARY KEY (id);
CREATE INDEX interactions_veteran_position ON interactions (veteran_id, position_id);
CREATE INDEX interactions_position ON interactions (position_id);
CREATE INDEX interactions_at ON interactions (at);
COMMIT;
ANALYZE interactions;
SELECT source, count(*) FROM interactions GROUP BY source;
