-- Whether anyone recorded the veteran's certificates: a roster with a certificate or licence column (a blank cell is the
-- bureau's "none"), or a profile sent with its certificates. Without it an empty list cannot tell "holds none" from
-- "never asked", and a certificate-gated position should not treat the unknown as a refusal.
ALTER TABLE veterans ADD COLUMN certificates_recorded boolean NOT NULL DEFAULT false;

-- Profiles from before this column: a certificate on file was recorded; an empty list stays unknown.
UPDATE veterans SET certificates_recorded = true
WHERE cardinality(licence_classes) > 0 OR cardinality(special_operations) > 0 OR cardinality(special_equipment) > 0
   OR cardinality(other_certificates) > 0;
