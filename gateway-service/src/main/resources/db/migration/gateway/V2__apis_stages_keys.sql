-- API definitions, their deployments and stages, API keys and usage plans (the gateway's control plane).
-- Replicas compile what stages point at into an in-memory routing table; they learn about changes by
-- polling catalog_revision, which every change increments in its own transaction.

CREATE TABLE rest_api (
    id              varchar(16)  PRIMARY KEY,
    name            text         NOT NULL,
    description     text         NOT NULL DEFAULT '',
    -- The document as imported (OpenAPI 3.0 or Swagger 2.0, JSON or YAML), the API's draft.
    document        text         NOT NULL,
    document_format varchar(8)   NOT NULL CHECK (document_format IN ('JSON', 'YAML')),
    endpoint_type   varchar(16)  NOT NULL DEFAULT 'REGIONAL' CHECK (endpoint_type IN ('EDGE', 'REGIONAL', 'PRIVATE')),
    -- Loaded from a file at start-up (GitOps): the file's name; null for APIs managed through the admin API.
    source_file     text UNIQUE,
    created_at      timestamptz  NOT NULL,
    updated_at      timestamptz  NOT NULL,
    version         bigint       NOT NULL
);

-- A deployment is a snapshot of the API's document; stages serve deployments, not the draft.
CREATE TABLE deployment (
    id              varchar(16)  PRIMARY KEY,
    api_id          varchar(16)  NOT NULL REFERENCES rest_api (id) ON DELETE CASCADE,
    description     text         NOT NULL DEFAULT '',
    document        text         NOT NULL,
    document_format varchar(8)   NOT NULL CHECK (document_format IN ('JSON', 'YAML')),
    created_at      timestamptz  NOT NULL
);
CREATE INDEX deployment_api_idx ON deployment (api_id, created_at);

CREATE TABLE stage (
    api_id                         varchar(16)  NOT NULL REFERENCES rest_api (id) ON DELETE CASCADE,
    name                           varchar(128) NOT NULL,
    deployment_id                  varchar(16)  NOT NULL REFERENCES deployment (id),
    description                    text         NOT NULL DEFAULT '',
    -- Stage variables, a JSON object of strings.
    variables                      text         NOT NULL DEFAULT '{}',
    throttling_rate_limit          double precision,
    throttling_burst_limit         integer,
    cache_enabled                  boolean      NOT NULL DEFAULT false,
    cache_ttl_seconds              integer      NOT NULL DEFAULT 300 CHECK (cache_ttl_seconds BETWEEN 0 AND 3600),
    cache_require_authorization    boolean      NOT NULL DEFAULT true,
    cache_unauthorized_strategy    varchar(40)  NOT NULL DEFAULT 'FAIL_WITH_403',
    -- Per-method settings, a JSON object keyed by "<resource path>/<METHOD>" (AWS's methodSettings).
    method_settings                text         NOT NULL DEFAULT '{}',
    access_log_format              text,
    created_at                     timestamptz  NOT NULL,
    updated_at                     timestamptz  NOT NULL,
    version                        bigint       NOT NULL,
    PRIMARY KEY (api_id, name)
);
CREATE INDEX stage_deployment_idx ON stage (deployment_id);

CREATE TABLE api_key (
    id          varchar(16)  PRIMARY KEY,
    name        text         NOT NULL,
    -- HMAC-SHA256 of the key under the server's pepper; the key itself is never stored.
    key_hash    bytea        NOT NULL UNIQUE,
    -- The first characters of the key, to recognise it in listings.
    key_prefix  varchar(8)   NOT NULL,
    enabled     boolean      NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    version     bigint       NOT NULL
);

CREATE TABLE usage_plan (
    id                    varchar(16)  PRIMARY KEY,
    name                  text         NOT NULL,
    description           text         NOT NULL DEFAULT '',
    throttle_rate_limit   double precision,
    throttle_burst_limit  integer,
    quota_limit           integer,
    quota_period          varchar(8) CHECK (quota_period IN ('DAY', 'WEEK', 'MONTH')),
    quota_offset          integer      NOT NULL DEFAULT 0,
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL
);

CREATE TABLE usage_plan_stage (
    usage_plan_id  varchar(16)  NOT NULL REFERENCES usage_plan (id) ON DELETE CASCADE,
    api_id         varchar(16)  NOT NULL,
    stage_name     varchar(128) NOT NULL,
    PRIMARY KEY (usage_plan_id, api_id, stage_name)
);

CREATE TABLE usage_plan_key (
    usage_plan_id  varchar(16)  NOT NULL REFERENCES usage_plan (id) ON DELETE CASCADE,
    api_key_id     varchar(16)  NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    PRIMARY KEY (usage_plan_id, api_key_id)
);

CREATE TABLE catalog_revision (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    revision    bigint       NOT NULL,
    changed_at  timestamptz  NOT NULL
);
INSERT INTO catalog_revision (id, revision, changed_at) VALUES (1, 0, now());

-- Secrets the gateway generates for itself when none is configured (the API key pepper).
CREATE TABLE server_secret (
    name   varchar(64)  PRIMARY KEY,
    value  bytea        NOT NULL
);
