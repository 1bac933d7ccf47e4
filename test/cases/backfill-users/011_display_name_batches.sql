SET lock_timeout = '3s';
ALTER TABLE users ADD COLUMN display_name text;

DO $$
DECLARE
    n integer;
BEGIN
    LOOP
        UPDATE users
           SET display_name = split_part(email, '@', 1)
         WHERE id IN (SELECT id FROM users WHERE display_name IS NULL LIMIT 5000);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXIT WHEN n = 0;
        COMMIT;
    END LOOP;
END
$$;
