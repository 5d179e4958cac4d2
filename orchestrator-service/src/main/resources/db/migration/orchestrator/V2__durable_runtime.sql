-- The durable runtime: executions, their history, their cursors (threads of control) and the
-- work items (transactional outbox) that advance them. Rules in docs/runtime.md.

-- Definitions are stored once per distinct text; executions point at the one they run.
CREATE TABLE definitions (
    hash       text        PRIMARY KEY,  -- SHA-256 of the definition text, hex
    definition text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE executions (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    arn                text        NOT NULL UNIQUE,
    state_machine_arn  text        NOT NULL,
    state_machine_name text        NOT NULL,
    version_arn        text,
    alias_arn          text,
    definition_hash    text        NOT NULL REFERENCES definitions (hash),
    name               text        NOT NULL,
    role_arn           text        NOT NULL,
    status             text        NOT NULL,
    input              text        NOT NULL,
    output             text,
    error              text,
    cause              text,
    start_date         timestamptz NOT NULL,
    stop_date          timestamptz,
    last_event_id      bigint      NOT NULL DEFAULT 0,
    redrive_count      integer     NOT NULL DEFAULT 0,
    redrive_date       timestamptz,
    trace_header       text,
    -- Names are unique per state machine, whatever the execution's status: AWS keeps them 90 days.
    CONSTRAINT executions_name_unique UNIQUE (state_machine_arn, name)
);

-- ListExecutions: newest first per state machine, keyset-paginated on (start_date, id).
CREATE INDEX executions_by_state_machine ON executions (state_machine_arn, start_date DESC, id DESC);
CREATE INDEX executions_by_version ON executions (version_arn, start_date DESC, id DESC) WHERE version_arn IS NOT NULL;
CREATE INDEX executions_by_alias ON executions (alias_arn, start_date DESC, id DESC) WHERE alias_arn IS NOT NULL;

-- Append-only; ids are 1..n per execution with no gap (the primary key forbids duplicates).
CREATE TABLE history_events (
    execution_id      bigint      NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    id                bigint      NOT NULL,
    previous_event_id bigint      NOT NULL,
    type              text        NOT NULL,
    timestamp         timestamptz NOT NULL,
    state_name        text,                -- the state an event belongs to, for filtering
    details           jsonb,               -- the type's details object, in AWS's shape
    PRIMARY KEY (execution_id, id)
);

-- One row per thread of control: the main flow ('0'), Parallel branches and Map iterations
-- ('0/2', '0/2/7', ...). A finished child keeps its output until its parent collects it.
CREATE TABLE cursors (
    execution_id      bigint  NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    id                text    NOT NULL,
    parent_id         text,
    child_index       integer,
    status            text    NOT NULL,   -- RUNNING, SUCCEEDED, FAILED
    state             jsonb   NOT NULL,   -- the engine's cursor
    output            text,               -- a finished child's output (JSON text)
    -- A parent awaiting its children (Parallel, Map): how far its fork has come.
    children_total     integer NOT NULL DEFAULT 0,
    children_started   integer NOT NULL DEFAULT 0,
    children_running   integer NOT NULL DEFAULT 0,
    children_failed    integer NOT NULL DEFAULT 0,
    PRIMARY KEY (execution_id, id)
);

-- The transactional outbox. A claim moves due_at to the end of the lease and bumps the fence:
-- an item is claimable exactly when due_at <= now, and a worker's result is accepted only if the
-- fence it claimed is still current (a re-claim after lease expiry fences the old worker out).
CREATE TABLE work_items (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id bigint      NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    cursor_id    text        NOT NULL,
    kind         text        NOT NULL,    -- ADVANCE, TIMER, TASK, TASK_TIMEOUT, HEARTBEAT_TIMEOUT, EXECUTION_TIMEOUT
    due_at       timestamptz NOT NULL,
    payload      jsonb,
    fence        bigint      NOT NULL DEFAULT 0,
    claimed_by   text,
    attempts     integer     NOT NULL DEFAULT 0
);

-- The claim query's ORDER BY due_at uses this index (a test checks the plan).
CREATE INDEX work_items_due ON work_items (due_at);
-- At most one runnable item per cursor: per-cursor order needs no global order.
CREATE UNIQUE INDEX work_items_one_runnable ON work_items (execution_id, cursor_id)
    WHERE kind IN ('ADVANCE', 'TIMER', 'TASK');
CREATE INDEX work_items_by_execution ON work_items (execution_id);

-- A hot queue table: vacuum it early and often.
ALTER TABLE work_items SET (
    autovacuum_vacuum_scale_factor = 0.0,
    autovacuum_vacuum_threshold = 1000,
    autovacuum_analyze_scale_factor = 0.0,
    autovacuum_analyze_threshold = 1000,
    fillfactor = 70
);

-- Callback tasks (.waitForTaskToken): the token a caller answers with SendTaskSuccess/Failure.
CREATE TABLE task_tokens (
    token             text        PRIMARY KEY,
    execution_id      bigint      NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    cursor_id         text        NOT NULL,
    entered_event_id  bigint      NOT NULL,
    heartbeat_seconds bigint,
    created_at        timestamptz NOT NULL,
    -- Set when the task ended (answered or timed out): a later answer is TaskTimedOut, not InvalidToken.
    closed_at         timestamptz
);
CREATE INDEX task_tokens_by_execution ON task_tokens (execution_id);
