ALTER TYPE order_state RENAME VALUE 'settled' TO 'paid';
