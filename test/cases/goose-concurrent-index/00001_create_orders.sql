-- +goose Up
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL, region text);

-- +goose Down
DROP TABLE orders;
