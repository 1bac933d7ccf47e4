const USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\nINSERT INTO users VALUES (1, 'a@example.com', 'Ann Lee');";
const ORDERS = 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, note text);\nINSERT INTO orders VALUES (1, 9.99, NULL);';
export const RULE_EXAMPLES = {
    'ban-drop-table': {
        setup: 'CREATE TABLE old_events (id bigint PRIMARY KEY);',
        unsafe: 'DROP TABLE old_events;',
    },
    'ban-drop-column': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY, legacy_flag boolean);',
        unsafe: 'ALTER TABLE users DROP COLUMN legacy_flag;',
    },
    'ban-drop-schema': {
        setup: 'CREATE SCHEMA reporting;',
        unsafe: 'DROP SCHEMA reporting CASCADE;',
        cleanup: 'DROP SCHEMA IF EXISTS reporting CASCADE',
    },
    'ban-drop-database': {
        setup: 'CREATE DATABASE analytics_old;',
        unsafe: '-- pgwarden:no-transaction\nDROP DATABASE analytics_old;',
        byHand: true,
        cleanup: 'DROP DATABASE IF EXISTS analytics_old',
    },
    'ban-truncate': {
        setup: "CREATE TABLE audit_log (id bigint PRIMARY KEY, created_at timestamptz);\nINSERT INTO audit_log VALUES (1, '2020-01-01');",
        unsafe: 'TRUNCATE audit_log;',
    },
    'ban-truncate-cascade': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));',
        unsafe: 'TRUNCATE orders CASCADE;',
    },
    'ban-delete-without-where': {
        setup: 'CREATE TABLE sessions (id bigint PRIMARY KEY, expires_at timestamptz);',
        unsafe: 'DELETE FROM sessions;',
    },
    'ban-update-without-where': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY, status text);',
        unsafe: "UPDATE users SET status = 'active';",
    },
    'renaming-column': {
        setup: USERS,
        unsafe: 'ALTER TABLE users RENAME COLUMN email TO email_address;',
    },
    'renaming-table': {
        setup: USERS,
        unsafe: 'ALTER TABLE users RENAME TO customers;',
    },
    'enabling-rls-without-policy': {
        setup: 'CREATE TABLE documents (id bigint PRIMARY KEY, owner_id bigint);',
        unsafe: 'ALTER TABLE documents ENABLE ROW LEVEL SECURITY;',
    },
    'ban-drop-not-null': {
        setup: "CREATE TABLE users (id bigint PRIMARY KEY, phone text NOT NULL);",
        unsafe: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;',
    },
    'renaming-enum-value': {
        setup: "CREATE TYPE order_status AS ENUM ('pending', 'canceled');\nCREATE TABLE orders (id bigint PRIMARY KEY, status order_status);\nINSERT INTO orders VALUES (1, 'canceled');",
        unsafe: "ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';",
    },
    'require-enum-value-ordering': {
        setup: "CREATE TYPE order_status AS ENUM ('pending', 'shipped', 'delivered');",
        unsafe: "ALTER TYPE order_status ADD VALUE 'packed';",
    },
    'prefer-bigint-over-int': {
        setup: 'CREATE TABLE customers (id bigint PRIMARY KEY);',
        unsafe: 'CREATE TABLE orders (\n  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers (id)\n);',
    },
    'prefer-bigint-over-smallint': {
        setup: '',
        unsafe: 'CREATE TABLE countries (id smallserial PRIMARY KEY, code text NOT NULL);',
    },
    'prefer-identity': {
        setup: '',
        unsafe: 'CREATE TABLE orders (id bigserial PRIMARY KEY);',
    },
    'prefer-text-field': {
        setup: '',
        unsafe: 'CREATE TABLE users (email varchar(320) NOT NULL);',
    },
    'prefer-timestamptz': {
        setup: '',
        unsafe: 'CREATE TABLE events (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  created_at timestamp NOT NULL DEFAULT now()\n);',
    },
    'ban-char-field': {
        setup: '',
        unsafe: 'CREATE TABLE countries (code char(2) NOT NULL);',
    },
    'prefer-jsonb': {
        setup: 'CREATE TABLE events (id bigint PRIMARY KEY);',
        unsafe: 'ALTER TABLE events ADD COLUMN payload json;',
    },
    'identifier-too-long': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz);',
        unsafe: 'CREATE INDEX orders_customer_id_created_at_for_the_monthly_customer_report_idx ON orders (customer_id, created_at);',
    },
    'ban-duplicate-column-assignments': {
        setup: "CREATE TABLE users (id bigint PRIMARY KEY, name text, first_name text, last_name text);\nINSERT INTO users (id, name) VALUES (1, 'Ann Lee');\nCREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);",
        unsafe: "UPDATE users SET last_name = split_part(name, ' ', 2), last_name = '' WHERE last_name IS NULL;",
        serverRefuses: 'multiple assignments to same column',
    },
    'transaction-nesting': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY);',
        unsafe: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nBEGIN;\nUPDATE orders SET note = \'\' WHERE note IS NULL;\nCOMMIT;\nCOMMIT;',
    },
    'ban-uncommitted-transaction': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY);',
        unsafe: 'BEGIN;\nALTER TABLE orders ADD COLUMN note text;',
    },
    'ban-new-enum-value-use-in-transaction': {
        setup: "CREATE TYPE post_status AS ENUM ('draft', 'published');\nCREATE TABLE posts (id bigint PRIMARY KEY, status post_status, published_at timestamptz);",
        unsafe: "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';\nUPDATE posts SET status = 'archived' WHERE published_at < now() - interval '5 years';",
        serverRefuses: 'unsafe use of new value',
    },
    'prefer-robust-stmts': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, total numeric);',
        unsafe: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);',
    },
    'require-table-schema': {
        setup: 'CREATE SCHEMA app;',
        unsafe: 'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);',
        cleanup: 'DROP SCHEMA IF EXISTS app CASCADE',
    },
    'require-down-migration': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY);',
        unsafe: 'ALTER TABLE orders ADD COLUMN note text;',
        files: { unsafe: '000042_add_orders_note.up.sql', safe: ['000042_add_orders_note.up.sql', '000042_add_orders_note.down.sql'] },
    },
    'require-concurrent-index-creation': {
        setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE events (id bigint, created_at date) PARTITION BY RANGE (created_at);\nCREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
        unsafe: 'CREATE INDEX users_email_idx ON users (email);',
    },
    'require-concurrent-index-deletion': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);',
        unsafe: 'DROP INDEX users_email_idx;',
    },
    'constraint-missing-not-valid': {
        setup: ORDERS,
        unsafe: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
    },
    'adding-foreign-key-constraint': {
        setup: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint);\nINSERT INTO accounts VALUES (1);\nINSERT INTO invoices VALUES (1, 1);',
        unsafe: 'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
    },
    'require-lock-timeout': {
        setup: USERS,
        unsafe: 'ALTER TABLE users ADD COLUMN last_seen_at timestamptz;',
    },
    'require-statement-timeout': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, code text);',
        unsafe: "SET lock_timeout = '2s';\nALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);",
    },
    'adding-primary-key-constraint': {
        setup: "CREATE TABLE items (id bigint NOT NULL, name text);\nINSERT INTO items VALUES (1, 'a');",
        unsafe: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);',
    },
    'disallowed-unique-constraint': {
        setup: USERS,
        unsafe: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);',
    },
    'ban-exclusion-constraint': {
        setup: 'CREATE TABLE bookings (id bigint PRIMARY KEY, room_id int, during tstzrange);',
        unsafe: 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&);',
    },
    'adding-stored-generated-column': {
        setup: ORDERS,
        unsafe: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (round(total * 100)) STORED;',
    },
    'require-concurrent-reindex': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);',
        unsafe: 'REINDEX TABLE users;',
    },
    'require-concurrent-refresh': {
        setup: "CREATE TABLE sales (sold_at timestamptz, amount numeric);\nCREATE MATERIALIZED VIEW monthly_sales AS SELECT date_trunc('month', sold_at) AS month, sum(amount) AS total FROM sales GROUP BY 1;",
        unsafe: 'REFRESH MATERIALIZED VIEW monthly_sales;',
    },
    'require-concurrent-partition-detach': {
        setup: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2019 PARTITION OF events FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');",
        unsafe: 'ALTER TABLE events DETACH PARTITION events_2019;',
    },
    'ban-concurrent-index-creation-in-transaction': {
        setup: 'CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz);',
        unsafe: 'BEGIN;\nCREATE INDEX CONCURRENTLY events_created_at_idx ON events (created_at);\nCOMMIT;',
        serverRefuses: 'cannot run inside a transaction block',
    },
    'ban-vacuum-full': {
        setup: "CREATE TABLE events (id bigint PRIMARY KEY, payload text);\nINSERT INTO events VALUES (1, 'a');",
        unsafe: '-- pgwarden:no-transaction\nVACUUM FULL events;',
    },
    'ban-table-storage-rewrite': {
        setup: "CREATE TABLE events (id bigint PRIMARY KEY, payload text);\nINSERT INTO events VALUES (1, 'a');",
        unsafe: 'ALTER TABLE events SET UNLOGGED;',
    },
    'ban-alter-domain-with-add-constraint': {
        setup: 'CREATE DOMAIN positive_int AS int;\nCREATE TABLE items (id bigint PRIMARY KEY, qty positive_int);\nINSERT INTO items VALUES (1, 5);',
        unsafe: 'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);',
    },
    'ban-create-domain-with-constraint': {
        setup: USERS,
        unsafe: "CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%');",
    },
    'foreign-key-missing-index': {
        setup: 'CREATE TABLE customers (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);',
        unsafe: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
    },
    'changing-column-type': {
        setup: "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, placed_at timestamp);\nINSERT INTO orders VALUES (1, 10, '2026-01-01');",
        unsafe: 'ALTER TABLE orders ALTER COLUMN total TYPE bigint;',
    },
    'redundant-index': {
        setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz);\nCREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);',
        unsafe: 'CREATE INDEX orders_customer_idx ON orders (customer_id);',
    },
    'expand-contract-in-one-migration': {
        setup: "CREATE TABLE accounts (id bigint PRIMARY KEY, display_name text, total int);\nCREATE TABLE customers (id bigint PRIMARY KEY);\nINSERT INTO accounts VALUES (1, 'Ann', NULL);",
        unsafe: 'UPDATE accounts SET total = 0 WHERE total IS NULL;\nALTER TABLE accounts ALTER COLUMN total TYPE bigint;',
    },
    'adding-field-with-default': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY);\nINSERT INTO users VALUES (1), (2);',
        unsafe: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
    },
    'adding-not-nullable-field': {
        setup: USERS,
        unsafe: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
    },
    'adding-required-field': {
        setup: 'CREATE TABLE users (id bigint PRIMARY KEY);\nINSERT INTO users VALUES (1);',
        unsafe: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;',
        serverRefuses: 'contains null values',
    },
    'lock-held-across-statements': {
        setup: 'CREATE TABLE widgets (id bigint PRIMARY KEY, owner bigint);\nINSERT INTO widgets VALUES (1, 1);',
        unsafe: "SET lock_timeout = '2s';\nALTER TABLE widgets ADD COLUMN is_admin boolean NOT NULL DEFAULT false;\nCREATE INDEX widgets_owner_idx ON widgets (owner);",
    },
    'delete-cascades-to-children': {
        setup: "CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users ON DELETE CASCADE);\nCREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders ON DELETE CASCADE);\nINSERT INTO users VALUES (1, 'a@test.invalid');\nINSERT INTO orders VALUES (1, 1);\nINSERT INTO order_lines VALUES (1, 1);",
        unsafe: "DELETE FROM users WHERE email LIKE '%@test.invalid';",
        adviceReported: 'the cascading foreign keys are still declared, so the explicit DELETEs are reported too (to zero rows, which lint cannot know): suppress them with the reason once reviewed',
    },
    'dynamic-sql-in-do-block': {
        setup: 'CREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE TABLE payments (id bigint PRIMARY KEY);',
        unsafe: "DO $$\nDECLARE t text;\nBEGIN\n  FOR t IN SELECT tablename FROM pg_tables WHERE tablename IN ('invoices', 'payments') LOOP\n    EXECUTE format('ALTER TABLE %I ADD COLUMN tenant_id bigint', t);\n  END LOOP;\nEND $$;",
    },
    'backfill-in-ddl-transaction': {
        setup: "CREATE TABLE accounts (id bigint PRIMARY KEY, display_name text);\nINSERT INTO accounts VALUES (1, 'Ann');",
        unsafe: 'ALTER TABLE accounts ADD COLUMN full_name text;\nUPDATE accounts SET full_name = display_name WHERE full_name IS NULL;',
    },
};
/** The ```sql blocks of a rule's safe alternative, in order: each one is one migration. */
export function sqlBlocks(markdown) {
    return [...markdown.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1].trim());
}
