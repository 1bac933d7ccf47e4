ALTER TYPE ticket_state RENAME VALUE 'resolved' TO 'closed';
