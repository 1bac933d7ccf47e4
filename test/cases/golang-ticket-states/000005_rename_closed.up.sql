ALTER TYPE ticket_state RENAME VALUE 'closed' TO 'resolved';
