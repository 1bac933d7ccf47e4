CREATE TABLE teams (
    id   bigint NOT NULL,
    name text NOT NULL
);
ALTER TABLE teams ADD CONSTRAINT teams_pkey PRIMARY KEY (id);
ALTER TABLE teams ADD CONSTRAINT teams_name_key UNIQUE (name);
