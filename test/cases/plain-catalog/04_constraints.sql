SET lock_timeout = '2s';
ALTER TABLE legacy_people ADD PRIMARY KEY (id);
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
ALTER TABLE people ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('simple', email)) STORED;
ALTER TABLE people ALTER COLUMN team DROP NOT NULL;
