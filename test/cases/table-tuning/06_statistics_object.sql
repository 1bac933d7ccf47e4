CREATE STATISTICS events_kind_tenant_stats (dependencies) ON kind, tenant_id FROM events;
