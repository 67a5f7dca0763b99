-- Positions store their minimum education as the code veterans store (V3); the Chinese label is the API's to add
-- (Taxonomy/EducationCodes). education_rank is generated from the code, 1 for the lowest, as before.
ALTER TABLE positions DROP COLUMN education_rank;
ALTER TABLE positions DROP CONSTRAINT positions_education_check;

CREATE TEMPORARY TABLE education_labels (label text PRIMARY KEY, code text NOT NULL);
INSERT INTO education_labels VALUES ('初中及以下', 'junior_high_or_below'), ('高中/中专/技校', 'senior_high'), ('大专', 'junior_college'),
    ('本科', 'bachelor'), ('硕士', 'master'), ('博士', 'doctorate');

UPDATE positions p SET education = l.code FROM education_labels l WHERE p.education = l.label;

-- The earlier values an import's revert restores.
UPDATE import_changes c SET previous = jsonb_set(c.previous, '{education}', to_jsonb(l.code))
FROM education_labels l WHERE c.entity = 'position' AND c.previous ->> 'education' = l.label;
DROP TABLE education_labels;

ALTER TABLE positions ADD CONSTRAINT positions_education_check
    CHECK (education IN ('junior_high_or_below', 'senior_high', 'junior_college', 'bachelor', 'master', 'doctorate'));
ALTER TABLE positions ADD COLUMN education_rank smallint GENERATED ALWAYS AS (array_position(
    ARRAY['junior_high_or_below', 'senior_high', 'junior_college', 'bachelor', 'master', 'doctorate'], education)) STORED;
