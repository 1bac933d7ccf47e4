UPDATE tickets SET state = 'open';
