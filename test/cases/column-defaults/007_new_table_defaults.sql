CREATE TABLE shipments (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id  bigint NOT NULL,
    public_id uuid NOT NULL DEFAULT gen_random_uuid()
);
ALTER TABLE shipments ADD COLUMN tracking_token text NOT NULL DEFAULT md5(random()::text);
ALTER TABLE shipments ADD COLUMN weight_grams integer GENERATED ALWAYS AS (0) STORED;
CREATE INDEX shipments_order_id_idx ON shipments (order_id);
