UPDATE tickets SET state = 'open' WHERE state = 'pending';
