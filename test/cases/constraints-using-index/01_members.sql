CREATE TABLE members (
    id       bigint NOT NULL,
    email    text NOT NULL,
    team_id  bigint NOT NULL,
    starts   date NOT NULL,
    ends     date NOT NULL
);
