-- migrate:up
ALTER TABLE accounts ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro')) NOT VALID;
ALTER TABLE accounts VALIDATE CONSTRAINT accounts_plan_check;
ALTER TABLE members ADD COLUMN role text;
UPDATE members SET role = 'owner';

-- migrate:down
ALTER TABLE members DROP COLUMN role;
ALTER TABLE accounts DROP CONSTRAINT accounts_plan_check;
