-- psql -v veterans=N (default 1,000,000); every row is synthetic: synthetic = true, named 测试N.
\if :{?veterans} \else \set veterans 1000000 \endif
\timing on
CREATE TEMP TABLE ids AS SELECT g, gen_random_uuid() AS id FROM generate_series(1, :veterans) g;
INSERT INTO veterans (id, synthetic, name, home_district, education_level, preferred_districts, seeking)
SELECT id, true, '测试' || g, (ARRAY['340403','340402','340404','340405','340406','340421','340422'])[1 + g % 7],
       (ARRAY['junior_high_or_below','senior_high','junior_college','bachelor'])[1 + g % 4], '{}', ARRAY['job'] FROM ids;
INSERT INTO veteran_skills (veteran_id, label, skill_id, source)
SELECT id, (ARRAY['货车驾驶','仓储管理','叉车操作','低压电工','设备巡检','矿山安全','车辆调度','电焊'])[1 + g % 8],
       (ARRAY['drive_truck','warehouse_mgmt','forklift','electrician_low','vehicle_maintenance','mine_safety','vehicle_dispatch','welding_arc'])[1 + g % 8], 'stated' FROM ids
UNION ALL
SELECT id, (ARRAY['小车驾驶','库存盘点','分拣打包','快递配送'])[1 + g % 4], (ARRAY['drive_car','inventory','picking_packing','delivery'])[1 + g % 4], 'stated' FROM ids;
\timing on
INSERT INTO veteran_consents (id, veteran_id, kind, granted, text_version)
SELECT gen_random_uuid(), v.id, k, (hashtext(v.id::text) % 4) <> 0, '2026-11' FROM veterans v, unnest(ARRAY['share_with_recruiters','automated_matching']) k
WHERE v.name LIKE '测试%' AND v.synthetic;
ANALYZE veterans; ANALYZE veteran_skills; ANALYZE veteran_consents;
