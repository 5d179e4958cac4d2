-- IAM-style access keys for SigV4. The secret is stored only encrypted (AES-256-GCM under the configured
-- master key, the access key id as associated data), so that neither a dump nor a row moved to another id
-- reveals or reuses it.
CREATE TABLE access_key (
    id                 varchar(20)  PRIMARY KEY,
    name               text         NOT NULL,
    secret_nonce       bytea        NOT NULL,
    secret_ciphertext  bytea        NOT NULL,
    enabled            boolean      NOT NULL,
    -- The IAM policy documents that decide what the key may invoke: a JSON array.
    policies           text         NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
