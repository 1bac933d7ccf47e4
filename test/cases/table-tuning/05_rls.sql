SET lock_timeout = '2s';
ALTER TABLE events ADD COLUMN tenant_id bigint;
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_tenant_isolation ON events
    USING (tenant_id = current_setting('app.tenant_id')::bigint);
