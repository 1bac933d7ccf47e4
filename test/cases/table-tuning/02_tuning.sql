ALTER TABLE events SET (fillfactor = 70);
ALTER TABLE events SET (autovacuum_vacuum_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.005);
ALTER TABLE events ALTER COLUMN kind SET STATISTICS 1000;
ALTER TABLE events ALTER COLUMN payload SET (n_distinct = -0.5);
