-- A phone as shown to those who may not read it, the SQL twin of Privacy/Masking.Phone: the first three and the last four
-- characters (138****5678); shorter than seven, **** whatever the length. NULL stays NULL.
CREATE FUNCTION mask_phone(phone text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE WHEN length(phone) >= 7 THEN left(phone, 3) || '****' || right(phone, 4) ELSE '****' END
$$;
