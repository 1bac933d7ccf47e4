SET lock_timeout = '2s';
ALTER TABLE ONLY public.accounts DROP CONSTRAINT accounts_email_key;
