UPDATE orders SET state = 'paid' WHERE state = 'refunded';
