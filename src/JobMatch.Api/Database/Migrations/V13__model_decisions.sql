-- Each trained model keeps the decision that promoted it or not (what it learned from, its held-out NDCG@10 beside the
-- ranker in production and every baseline, the reason in Chinese and English) and the feature schema it computes, so a
-- model of another schema is shown as unusable instead of failing at load.
ALTER TABLE ranking_models ADD COLUMN decision jsonb;
ALTER TABLE ranking_models ADD COLUMN feature_schema_version int;
UPDATE ranking_models SET feature_schema_version = 1 WHERE model IS NOT NULL;
