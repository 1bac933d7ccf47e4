CREATE TABLE accounts (id bigint PRIMARY KEY, email text, plan text);
CREATE TABLE audit_log (id bigint PRIMARY KEY, account_id bigint, message text);
