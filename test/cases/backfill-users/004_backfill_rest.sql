-- pgwarden:no-transaction
DO $$
DECLARE
    n integer;
BEGIN
    LOOP
        UPDATE users
           SET normalized_email = lower(email)
         WHERE id IN (SELECT id FROM users WHERE normalized_email IS NULL LIMIT 5000);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXIT WHEN n = 0;
        COMMIT;
    END LOOP;
END
$$;
