SET lock_timeout = '3s';
ALTER TABLE tasks DROP CONSTRAINT tasks_assignee_id_fkey;
