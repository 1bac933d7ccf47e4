SET lock_timeout = '2s';
ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY USING INDEX members_id_idx;
ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE USING INDEX members_email_key;
