ALTER DOMAIN label DROP CONSTRAINT label_length;
CREATE TABLE tags (id bigint PRIMARY KEY, name label);
