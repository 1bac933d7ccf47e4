SET lock_timeout = '2s';
-- the table and its column get their new names; running code keeps using the old ones through the view
ALTER TABLE customers RENAME TO clients;
ALTER TABLE clients RENAME COLUMN display_name TO name;
CREATE VIEW customers AS SELECT id, name AS display_name, email, legacy_code FROM clients;
