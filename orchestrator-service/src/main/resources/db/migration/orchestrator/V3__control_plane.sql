-- The control plane of the Step Functions API: state machines with their revisions, versions and
-- aliases; activities; tags. Spring Data JPA maps these tables (api.statemachine, api.activity,
-- api.tag); ARNs are not stored but derived from names and the configured region and account.

-- Every configuration a state machine has had. Rows outlive their state machine, so that
-- DescribeStateMachineForExecution can answer for executions of deleted machines and revisions.
CREATE TABLE state_machine_revisions (
    id                    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state_machine_name    text        NOT NULL,
    revision_id           text,                 -- AWS's revisionId; a machine's first revision has none
    definition            text        NOT NULL,
    role_arn              text        NOT NULL,
    logging_configuration text        NOT NULL, -- LoggingConfiguration as JSON text
    tracing_enabled       boolean     NOT NULL,
    created_at            timestamptz NOT NULL
);
CREATE INDEX state_machine_revisions_by_machine ON state_machine_revisions (state_machine_name, created_at DESC);

CREATE TABLE state_machines (
    id                       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                     text        NOT NULL UNIQUE,
    type                     text        NOT NULL CHECK (type IN ('STANDARD', 'EXPRESS')),
    current_revision         bigint      NOT NULL REFERENCES state_machine_revisions (id),
    encryption_configuration text,                  -- EncryptionConfiguration as JSON text
    next_version             integer     NOT NULL DEFAULT 1, -- version numbers are never reused
    creation_date            timestamptz NOT NULL
);

CREATE TABLE state_machine_versions (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state_machine  bigint      NOT NULL REFERENCES state_machines (id) ON DELETE CASCADE,
    version_number integer     NOT NULL,
    revision       bigint      NOT NULL REFERENCES state_machine_revisions (id),
    description    text,
    creation_date  timestamptz NOT NULL,
    CONSTRAINT state_machine_versions_number_unique UNIQUE (state_machine, version_number)
);
-- PublishStateMachineVersion returns the existing version of the current revision.
CREATE INDEX state_machine_versions_by_revision ON state_machine_versions (state_machine, revision);

CREATE TABLE state_machine_aliases (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state_machine bigint      NOT NULL REFERENCES state_machines (id) ON DELETE CASCADE,
    name          text        NOT NULL,
    description   text,
    creation_date timestamptz NOT NULL,
    update_date   timestamptz NOT NULL,
    CONSTRAINT state_machine_aliases_name_unique UNIQUE (state_machine, name)
);

-- A version an alias routes to cannot be deleted: deleting a whole state machine deletes its aliases
-- (and so their routes) before the machine, whose deletion then cascades to its versions.
CREATE TABLE state_machine_alias_routes (
    alias    bigint   NOT NULL REFERENCES state_machine_aliases (id) ON DELETE CASCADE,
    position integer  NOT NULL,
    version  bigint   NOT NULL REFERENCES state_machine_versions (id),
    weight   integer  NOT NULL CHECK (weight BETWEEN 0 AND 100),
    PRIMARY KEY (alias, position)
);
CREATE INDEX state_machine_alias_routes_by_version ON state_machine_alias_routes (version);

CREATE TABLE activities (
    id                       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                     text        NOT NULL UNIQUE,
    encryption_configuration text,
    creation_date            timestamptz NOT NULL
);

-- Tags of state machines and activities, by the resource's ARN.
CREATE TABLE tags (
    resource_arn text NOT NULL,
    key          text NOT NULL,
    value        text NOT NULL,
    PRIMARY KEY (resource_arn, key)
);
