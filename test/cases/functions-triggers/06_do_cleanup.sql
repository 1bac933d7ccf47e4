DO $$
BEGIN
    DELETE FROM staging_imports;
END
$$;
