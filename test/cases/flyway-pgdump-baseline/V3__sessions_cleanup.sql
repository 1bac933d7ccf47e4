DELETE FROM public.sessions WHERE expires_at < now() - interval '90 days';
