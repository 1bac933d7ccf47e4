ALTER TYPE ticket_state ADD VALUE 'archived';
