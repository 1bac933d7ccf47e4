SET lock_timeout = '2s';
-- a constant default is stored in the catalog since PostgreSQL 11: no rewrite
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'pending';
