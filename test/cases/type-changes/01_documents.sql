CREATE TABLE documents (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title   varchar(100) NOT NULL,
    slug    varchar(50) NOT NULL,
    price   numeric(10,2),
    views   integer NOT NULL DEFAULT 0,
    summary varchar(500)
);
CREATE UNIQUE INDEX documents_slug_idx ON documents (slug);
