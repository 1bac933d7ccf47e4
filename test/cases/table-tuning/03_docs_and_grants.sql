COMMENT ON TABLE events IS 'Domain events, append-only';
COMMENT ON COLUMN events.kind IS 'Event type, e.g. order.created';
GRANT SELECT ON events TO PUBLIC;
REVOKE INSERT, UPDATE, DELETE ON events FROM PUBLIC;
ANALYZE events;
