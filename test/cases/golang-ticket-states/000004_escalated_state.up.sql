ALTER TYPE ticket_state ADD VALUE 'escalated' AFTER 'pending';
INSERT INTO tickets (title, state) VALUES ('Escalation queue placeholder', 'escalated');
