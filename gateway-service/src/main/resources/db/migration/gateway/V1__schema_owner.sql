-- The gateway owns this schema; no other service reads or writes it.
COMMENT ON SCHEMA ${flyway:defaultSchema} IS
    'Owned by gateway-service (Flyway): APIs (OpenAPI documents), deployments, stages';
