SELECT 1; -- the column is dropped by 0011's down migration
