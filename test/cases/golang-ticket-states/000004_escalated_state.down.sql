DELETE FROM tickets;
