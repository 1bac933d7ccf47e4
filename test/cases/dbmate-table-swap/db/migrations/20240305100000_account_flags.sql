-- migrate:up
-- two elements of one array column: PostgreSQL merges them, this is not a duplicate assignment
UPDATE accounts SET flags[1] = true, flags[2] = false WHERE email LIKE '%@staff.example';

-- migrate:down
UPDATE accounts SET flags = '{false,false}' WHERE email LIKE '%@staff.example';
