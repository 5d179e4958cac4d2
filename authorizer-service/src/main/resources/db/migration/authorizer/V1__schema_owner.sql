-- The authorizer owns this schema; no other service reads or writes it.
COMMENT ON SCHEMA ${flyway:defaultSchema} IS
    'Owned by authorizer-service (Flyway): API keys, usage plans, access keys, authorizer settings';
