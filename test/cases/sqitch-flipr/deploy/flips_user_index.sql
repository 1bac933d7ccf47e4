-- Deploy flipr:flips_user_index to pg
-- requires: flips

BEGIN;

CREATE INDEX flips_nickname_idx ON flipr.flips (nickname);

COMMIT;
