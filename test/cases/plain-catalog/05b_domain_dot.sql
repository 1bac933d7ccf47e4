SET lock_timeout = '2s';
ALTER DOMAIN email_address ADD CONSTRAINT email_has_dot CHECK (VALUE ~ '\.');
