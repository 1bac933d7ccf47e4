CREATE OR REPLACE PROCEDURE purge_staging()
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM staging_imports;
    COMMIT;
END;
$$;
