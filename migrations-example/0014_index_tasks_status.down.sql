DROP INDEX tasks_status_idx;
