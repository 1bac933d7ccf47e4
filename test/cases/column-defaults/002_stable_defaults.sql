SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE orders ADD COLUMN placed_on date DEFAULT CURRENT_DATE;
ALTER TABLE orders ADD COLUMN expires_at timestamptz DEFAULT now() + interval '30 days';
ALTER TABLE orders ADD COLUMN priority integer NOT NULL DEFAULT 0;
ALTER TABLE orders ADD COLUMN tags text[] NOT NULL DEFAULT '{}';
ALTER TABLE orders ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE orders ADD COLUMN currency text NOT NULL DEFAULT 'EUR';
