CREATE TABLE measurements (
    sensor_id   bigint NOT NULL,
    recorded_at timestamptz NOT NULL,
    reading     double precision NOT NULL
) PARTITION BY RANGE (recorded_at);

CREATE TABLE measurements_2024_01 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');

CREATE INDEX measurements_sensor_recorded_idx ON measurements (sensor_id, recorded_at);
