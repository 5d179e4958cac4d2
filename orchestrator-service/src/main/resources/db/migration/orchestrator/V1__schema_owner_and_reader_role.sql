-- The orchestrator owns this schema; history-service reads it through a read-only group role
-- (docs/database.md). Creating that role needs CREATEROLE: where the migrating user lacks it,
-- a DBA creates the role beforehand and this only grants.
COMMENT ON SCHEMA ${flyway:defaultSchema} IS
    'Owned by orchestrator-service (Flyway): state machines, executions, history, work items';

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${reader_role}') THEN
        CREATE ROLE ${reader_role} NOLOGIN;
    END IF;
EXCEPTION
    -- Roles are cluster-wide: another database's migration may create it at the same moment.
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${reader_role};
GRANT SELECT ON ALL TABLES IN SCHEMA ${flyway:defaultSchema} TO ${reader_role};
-- Tables that later migrations create (run by this same user) are readable too.
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT ON TABLES TO ${reader_role};
