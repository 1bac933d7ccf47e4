SET lock_timeout = '3s';

-- NOT VALID: the constraint applies to new rows at once; existing rows are checked by 0009 without
-- blocking writes. The index from 0007 keeps deletes of users from scanning tasks.
ALTER TABLE tasks
  ADD CONSTRAINT tasks_assignee_id_fkey FOREIGN KEY (assignee_id) REFERENCES users (id) NOT VALID;
