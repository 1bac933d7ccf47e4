SET lock_timeout = '2s';
-- the staging table became the real one: SET LOGGED copies it all (and writes it to the WAL)
ALTER TABLE import_rows SET LOGGED;
