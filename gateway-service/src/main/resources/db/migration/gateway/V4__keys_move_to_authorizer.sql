-- API keys and usage plans are owned by authorizer-service now (its schema, its admin API); the gateway
-- reads them from it (GET /internal/v1/key-snapshot) into memory. Its own copies go.
DROP TABLE usage_plan_key;
DROP TABLE usage_plan_stage;
DROP TABLE usage_plan;
DROP TABLE api_key;
-- Held only the generated API key pepper; the pepper is configuration now, shared with the authorizer.
DROP TABLE server_secret;
