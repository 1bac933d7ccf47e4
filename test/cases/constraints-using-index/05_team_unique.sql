SET lock_timeout = '2s';
ALTER TABLE members ADD CONSTRAINT members_team_email_key UNIQUE (team_id, email);
