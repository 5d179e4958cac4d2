#!/usr/bin/env bash
# Creates Stateway's logins in a new PostgreSQL, as docs/database.md ("Production") does by hand:
# the owner of the database `stateway`, the read-only group role and history-service's login.
# The postgres image runs it once, from /docker-entrypoint-initdb.d, when the data directory is
# empty (docker-compose.yml and the Helm chart's trial PostgreSQL, which ships a copy of it).
set -euo pipefail
: "${STATEWAY_PASSWORD:?the password of the login stateway}"
: "${STATEWAY_HISTORY_PASSWORD:?the password of the login stateway_history}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname postgres \
  --set owner_password="$STATEWAY_PASSWORD" --set history_password="$STATEWAY_HISTORY_PASSWORD" <<'SQL'
CREATE ROLE stateway LOGIN PASSWORD :'owner_password';
CREATE DATABASE stateway OWNER stateway;
-- The orchestrator's first migration grants this role read access to its schema.
CREATE ROLE stateway_reader NOLOGIN;
CREATE ROLE stateway_history LOGIN PASSWORD :'history_password' IN ROLE stateway_reader;
ALTER ROLE stateway_history SET default_transaction_read_only = on;
SQL
