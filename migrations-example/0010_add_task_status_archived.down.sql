SELECT 1; -- PostgreSQL cannot remove an enum value; 'archived' stays unused
