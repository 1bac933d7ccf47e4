-- Edited by hand to build the index without blocking writes
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY "Order_status_idx" ON "Order"("status");
