-- API keys and usage plans. The gateway reads them as one snapshot (GET /internal/v1/key-snapshot) and
-- learns about changes from key_revision, which every change increments in its own transaction.

CREATE TABLE api_key (
    id           varchar(16)  PRIMARY KEY,
    name         text         NOT NULL,
    description  text         NOT NULL DEFAULT '',
    -- HMAC-SHA256 of the key under the server's pepper (ApiKeyHmac); the key itself is never stored.
    key_hash     bytea        NOT NULL UNIQUE,
    -- The first characters of the key, to recognise it in listings.
    key_prefix   varchar(12)  NOT NULL,
    enabled      boolean      NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    version      bigint       NOT NULL
);

CREATE TABLE usage_plan (
    id                    varchar(16)  PRIMARY KEY,
    name                  text         NOT NULL,
    description           text         NOT NULL DEFAULT '',
    throttle_rate_limit   double precision CHECK (throttle_rate_limit >= 0),
    throttle_burst_limit  integer      CHECK (throttle_burst_limit >= 0),
    quota_limit           integer      CHECK (quota_limit > 0),
    quota_period          varchar(8)   CHECK (quota_period IN ('DAY', 'WEEK', 'MONTH')),
    quota_offset          integer      NOT NULL DEFAULT 0,
    -- The API stages the plan covers with their per-method throttles: a JSON array of
    -- {"apiId", "stage", "throttle": {"/pets/GET": {"rateLimit", "burstLimit"}}}, AWS's apiStages.
    api_stages            text         NOT NULL DEFAULT '[]',
    created_at            timestamptz  NOT NULL,
    updated_at            timestamptz  NOT NULL,
    version               bigint       NOT NULL,
    CHECK ((quota_limit IS NULL) = (quota_period IS NULL))
);

CREATE TABLE usage_plan_key (
    usage_plan_id  varchar(16)  NOT NULL REFERENCES usage_plan (id) ON DELETE CASCADE,
    api_key_id     varchar(16)  NOT NULL REFERENCES api_key (id) ON DELETE CASCADE,
    PRIMARY KEY (usage_plan_id, api_key_id)
);
CREATE INDEX usage_plan_key_key_idx ON usage_plan_key (api_key_id);

CREATE TABLE key_revision (
    id        smallint  PRIMARY KEY CHECK (id = 1),
    revision  bigint    NOT NULL
);
INSERT INTO key_revision (id, revision) VALUES (1, 0);
