-- psql -v positions=N (default 100,000); every row is synthetic: created_by = 'bench'.
\if :{?positions} \else \set positions 100000 \endif
\timing on
WITH c AS (SELECT array_agg(id ORDER BY id) AS a FROM companies),
     s AS (SELECT ARRAY['货车驾驶','仓储管理','叉车操作','低压电工','设备巡检','矿山安全','车辆调度','护理','财务会计','出纳','电焊','安保','烹饪','销售','客户服务'] AS k,
                  ARRAY['货车司机','仓储管理员','叉车司机','电工','巡检员','安全员','调度员','护士','会计','出纳','焊工','保安','厨师','销售','客服'] AS t)
INSERT INTO positions (id, company_id, kind, title, headcount, skills, education, district_code, salary_min, salary_max, certificates, created_by, duties)
SELECT gen_random_uuid(), c.a[1 + g % array_length(c.a, 1)], CASE WHEN g % 20 = 0 THEN 'training' ELSE 'job' END,
       s.t[1 + g % 15], 1 + g % 5, ARRAY[s.k[1 + g % 15], s.k[1 + (g / 15) % 15]],
       (ARRAY[NULL, 'junior_high_or_below', 'senior_high', 'junior_college', 'bachelor'])[1 + g % 5],
       (ARRAY['340403','340402','340404','340405','340406','340421','340422'])[1 + g % 7],
       3000 + (g % 10) * 300, 5000 + (g % 10) * 400,
       CASE WHEN g % 15 = 0 THEN ARRAY['B2驾驶证'] WHEN g % 15 = 2 THEN ARRAY['叉车证'] ELSE '{}' END, 'bench', '岗位职责示例 ' || s.t[1 + g % 15]
FROM generate_series(1, :positions) g, c, s;
ANALYZE positions;
SELECT count(*) FROM positions WHERE status = 'open';
