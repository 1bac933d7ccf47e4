SET lock_timeout = '2s';
ALTER TABLE events SET TABLESPACE fast_ssd;
-- a partitioned table only records the default for future partitions
ALTER TABLE metrics SET TABLESPACE fast_ssd;
