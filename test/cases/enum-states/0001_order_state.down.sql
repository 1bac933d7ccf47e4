DROP TABLE purchases; DROP TYPE order_state;
