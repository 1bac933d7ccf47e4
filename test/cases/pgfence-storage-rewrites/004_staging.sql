CREATE TABLE scratch (id bigint);
ALTER TABLE scratch SET UNLOGGED;
