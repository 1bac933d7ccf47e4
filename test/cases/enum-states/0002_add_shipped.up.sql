ALTER TYPE order_state ADD VALUE 'shipped' AFTER 'paid';
