-- The function registry: Lambda-compatible functions (by name or full function ARN) and the HTTP
-- endpoints that run them. Functions in the configuration (stateway.orchestrator.functions) are
-- not stored here.
CREATE TABLE functions (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    function_key   text        NOT NULL UNIQUE,  -- a function name, or an unqualified function ARN
    url            text        NOT NULL,
    timeout_millis bigint      CHECK (timeout_millis > 0), -- NULL: the task's own timeout
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
