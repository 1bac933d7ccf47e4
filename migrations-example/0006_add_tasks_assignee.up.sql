-- tasks exists and is busy: wait at most 3 s for its lock instead of queueing every query behind us.
SET lock_timeout = '3s';

-- Expand step: a nullable column without a default is a catalog change only.
ALTER TABLE tasks ADD COLUMN assignee_id bigint;
