CREATE TYPE ticket_state AS ENUM ('open', 'closed');

CREATE TABLE tickets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state       ticket_state NOT NULL DEFAULT 'open',
    resolution  text,
    title       text NOT NULL,
    opened_at   timestamptz NOT NULL DEFAULT now()
);
