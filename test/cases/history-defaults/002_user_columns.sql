SET lock_timeout = '2s';
ALTER TABLE users ADD COLUMN last_seen_at timestamptz DEFAULT now();
ALTER TABLE users ADD COLUMN api_key uuid DEFAULT gen_random_uuid();
ALTER TABLE users ADD COLUMN locale text NOT NULL DEFAULT 'en';
