-- code deployed today still writes 'paid'
ALTER TYPE order_state RENAME VALUE 'paid' TO 'settled';
