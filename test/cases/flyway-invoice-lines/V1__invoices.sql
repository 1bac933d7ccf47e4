CREATE TABLE invoices (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    number      text NOT NULL UNIQUE,
    kind        char(1) NOT NULL DEFAULT 'n',
    issued_at   timestamptz NOT NULL DEFAULT now(),
    notes       varchar
);

CREATE TABLE invoice_lines (
    invoice_id  bigint NOT NULL REFERENCES invoices (id),
    line_no     integer NOT NULL,
    quantity    integer NOT NULL CHECK (quantity > 0),
    unit_cents  bigint NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);
