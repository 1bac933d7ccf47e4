-- The states a task moves through.
CREATE TYPE task_status AS ENUM ('todo', 'doing', 'done');
