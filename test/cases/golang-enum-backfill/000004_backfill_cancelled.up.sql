UPDATE orders SET state = 'cancelled' WHERE state = 'pending' AND refunded_at IS NOT NULL;
