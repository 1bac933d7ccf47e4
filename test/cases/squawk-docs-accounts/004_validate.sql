SET lock_timeout = '2s';
ALTER TABLE account VALIDATE CONSTRAINT nonnegative_balance;
