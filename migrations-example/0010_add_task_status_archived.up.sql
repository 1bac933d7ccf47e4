-- Adding a value to an enum is a catalog change (PostgreSQL 12+ allows it in a transaction).
ALTER TYPE task_status ADD VALUE IF NOT EXISTS 'archived' AFTER 'done';
