-- The OAuth 2.0 token endpoint: clients added through the admin API (secrets as password hashes) and the
-- RS256 signing keys, private halves sealed with the master key (AES-256-GCM, the key id as associated data).
CREATE TABLE token_client (
    client_id      varchar(100)  PRIMARY KEY,
    secret_hash    text          NOT NULL,
    -- JSON arrays of strings.
    scopes         text          NOT NULL,
    audiences      text          NOT NULL,
    created_at     timestamptz   NOT NULL
);

CREATE TABLE token_signing_key (
    kid                varchar(64)  PRIMARY KEY,
    public_key         bytea        NOT NULL,
    private_nonce      bytea        NOT NULL,
    private_ciphertext bytea        NOT NULL,
    created_at         timestamptz  NOT NULL
);
