SET lock_timeout = '3s';

-- VALIDATE scans the table under SHARE UPDATE EXCLUSIVE: reads and writes go on.
ALTER TABLE tasks VALIDATE CONSTRAINT tasks_assignee_id_fkey;
