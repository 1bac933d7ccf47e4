import { describe, expect, it } from 'vitest';
import { foreignKeyMissingIndex, indexCovers } from './foreign-key-missing-index.js';
import { ruleTester } from '../test/helpers/rule-tester.js';
import type { IndexModel } from '../src/analysis/schema.js';

const parents = 'CREATE TABLE customers (id bigint PRIMARY KEY, code text UNIQUE);';
const orders = 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, region int, note text);';

ruleTester(foreignKeyMissingIndex, {
  valid: [
    {
      sql: `${parents}\nCREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\nCREATE INDEX orders_customer_id_idx ON orders (customer_id);`,
      why: 'index created later in the same file',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      history: [parents, orders, 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id, id);'],
      why: 'an earlier multi-column index starts with the key',
    },
    {
      sql: `${parents}\nCREATE TABLE profiles (customer_id bigint PRIMARY KEY REFERENCES customers (id), bio text);`,
      why: 'the primary key is the foreign key',
    },
    {
      sql: `${parents}\nCREATE TABLE links (customer_id bigint REFERENCES customers (id), tag text, UNIQUE (customer_id, tag));`,
      why: 'a unique constraint leads with the key',
    },
    {
      sql: 'CREATE TABLE pairs (a bigint, b bigint, PRIMARY KEY (b, a), FOREIGN KEY (a, b) REFERENCES other (x, y));',
      why: 'leading columns in another order still serve equality lookups',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      why: 'orders is not known from the history: its indexes are unknown',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\nCREATE INDEX ON orders (customer_id);',
      history: [parents, orders],
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN owner_id bigint REFERENCES customers (id);\nCREATE INDEX CONCURRENTLY orders_owner_idx ON orders (owner_id);',
      history: [parents, orders],
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);\nALTER TABLE orders DROP CONSTRAINT orders_customer_fk;',
      history: [parents, orders],
      why: 'the key is gone by the end of the file',
    },
    {
      sql: 'ALTER TABLE orders RENAME COLUMN customer_id TO buyer_id;\nALTER TABLE orders ADD FOREIGN KEY (buyer_id) REFERENCES customers (id);',
      history: [parents, orders, 'CREATE INDEX orders_customer_idx ON orders (customer_id);'],
      why: 'indexes follow column renames',
    },
    { sql: `${parents}\n${orders}`, why: 'no foreign key' },
    { sql: '\\set x 1', history: [`${parents}\nCREATE TABLE orders (id bigint, customer_id bigint REFERENCES customers (id));`], why: 'a file without statements does not inherit the previous file’s findings' },
    {
      sql: 'CREATE TABLE orders2 (LIKE orders INCLUDING ALL);\nALTER TABLE orders2 ADD FOREIGN KEY (customer_id) REFERENCES customers (id);',
      history: [parents, orders],
      why: 'LIKE … INCLUDING ALL may copy indexes the model cannot see',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      history: [parents, orders, 'CREATE INDEX orders_customer_hash ON orders USING hash (customer_id);'],
      why: 'a hash index serves single-column equality',
    },
  ],
  invalid: [
    {
      sql: `${parents}\nCREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint NOT NULL REFERENCES customers (id)\n);`,
      errors: [{ line: 4, column: 3, message: 'Foreign key orders_customer_id_fkey on orders (customer_id) → customers has no index starting with (customer_id): deletes and key updates on the referenced table scan orders.' }],
    },
    {
      sql: 'SET lock_timeout = \'2s\';\nALTER TABLE orders\n  ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;',
      history: [parents, orders],
      errors: [{ line: 3, column: 7, message: /orders_customer_fk on orders \(customer_id\)/ }],
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      history: [parents, orders, 'CREATE INDEX orders_region_customer_idx ON orders (region, customer_id);'],
      errors: 1,
      why: 'the key is not the leading column',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      history: [parents, orders, 'CREATE INDEX orders_open_customer_idx ON orders (customer_id) WHERE note IS NULL;'],
      errors: 1,
      why: 'a partial index does not serve every lookup',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);',
      history: [parents, orders, 'CREATE INDEX orders_customer_idx ON orders (customer_id);', 'DROP INDEX orders_customer_idx;'],
      errors: 1,
      why: 'the index was dropped in an earlier migration',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN owner_id bigint REFERENCES customers (id);',
      history: [parents, orders],
      errors: [{ column: 31, message: /orders_owner_id_fkey on orders \(owner_id\)/ }],
    },
    {
      sql: 'CREATE TABLE nodes (id bigint PRIMARY KEY, parent_id bigint REFERENCES nodes (id));',
      errors: [{ message: /nodes \(parent_id\) → nodes/ }],
      why: 'self references too',
    },
    {
      sql: 'CREATE TABLE lines (order_id bigint, product_id bigint, FOREIGN KEY (order_id) REFERENCES orders (id), FOREIGN KEY (product_id) REFERENCES products (id));\nCREATE INDEX ON lines (order_id);',
      errors: [{ message: /lines_product_id_fkey/ }],
    },
    {
      sql: 'CREATE TABLE app.lines (order_id bigint, CONSTRAINT lines_order_fk FOREIGN KEY (order_id) REFERENCES app.orders (id));\nCREATE INDEX ON lines (order_id);',
      errors: [{ message: /lines_order_fk on app\.lines \(order_id\) → app\.orders/ }],
      why: 'an index on public.lines is not on app.lines',
    },
  ],
});

describe('indexCovers', () => {
  const index = (columns: string[], extra: Partial<IndexModel> = {}): IndexModel => ({
    name: 'i', key: 'public.i', table: 'public.t', columns, keys: columns, include: [], uses: columns, unique: false, partial: false, method: 'btree', sequence: 1,
    origin: { file: 0, transaction: 0 }, ...extra,
  });
  it('accepts leading columns in any order and rejects others', () => {
    expect(indexCovers(index(['a', 'b', 'c']), ['b', 'a'])).toBe(true);
    expect(indexCovers(index(['a']), ['a', 'b'])).toBe(false);
    expect(indexCovers(index(['(lower)']), ['lower'])).toBe(false);
    expect(indexCovers(index(['a'], { method: 'gin' }), ['a'])).toBe(false);
  });
});
