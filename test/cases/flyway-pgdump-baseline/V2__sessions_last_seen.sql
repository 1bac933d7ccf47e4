SET lock_timeout = '2s';
ALTER TABLE public.sessions ADD COLUMN last_seen_at timestamp with time zone;
