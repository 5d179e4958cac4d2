#!/usr/bin/env bash
# Sets up examples/secured-api on a suite started with `./stateway up` (README.md, "A secured API"):
# starts the example backend (the JDK's jwebserver, serving backend/), imports api.yaml into the gateway
# on stage "secured", creates a usage plan (5 requests/s, burst 10, 1000 a day) with a new API key and a
# client of the token endpoint, and prints API_KEY=, KEY_URL=, JWT_URL= and JWT= lines.
# Running it again replaces the API, plan, key and client it made before.
#
# Settings (environment): STATEWAY_HOME (~/.stateway), GATEWAY (http://localhost:8080), GATEWAY_ADMIN
# (http://localhost:8090), AUTHORIZER (http://localhost:8083), BACKEND_PORT (8099).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HOME_DIR="${STATEWAY_HOME:-$HOME/.stateway}"
GATEWAY="${GATEWAY:-http://localhost:8080}"
GATEWAY_ADMIN="${GATEWAY_ADMIN:-http://localhost:8090}"
AUTHORIZER="${AUTHORIZER:-http://localhost:8083}"
BACKEND_PORT="${BACKEND_PORT:-8099}"
STAGE=secured
NAME=secured-api

die() {
  echo "setup.sh: $*" >&2
  exit 1
}

# The first value of a string or number field in JSON: json_field NAME < json
json_field() {
  grep -oE "\"$1\" *: *(\"[^\"]*\"|-?[0-9]+)" | head -n 1 | sed -e 's/^[^:]*: *//' -e 's/"//g'
}

[ -r "$HOME_DIR/gateway-admin.token" ] || die "no $HOME_DIR/gateway-admin.token: start the suite with ./stateway up"
[ -r "$HOME_DIR/authorizer-admin.token" ] || die "no $HOME_DIR/authorizer-admin.token: start the suite with ./stateway up"
GW_AUTH="Authorization: Bearer $(cat "$HOME_DIR/gateway-admin.token")"
AZ_AUTH="Authorization: Bearer $(cat "$HOME_DIR/authorizer-admin.token")"
JSON="Content-Type: application/json"

gw() { curl -sS --fail-with-body -H "$GW_AUTH" -H "$JSON" "$@"; }
az() { curl -sS --fail-with-body -H "$AZ_AUTH" -H "$JSON" "$@"; }

# 1. The backend: a static file server from the JDK, left running for the example's requests.
BACKEND="http://localhost:$BACKEND_PORT"
if ! curl -s -o /dev/null "$BACKEND/pets.json"; then
  JWEBSERVER="$(command -v jwebserver || true)"
  [ -n "$JWEBSERVER" ] || JWEBSERVER="${JAVA_HOME:-/nonexistent}/bin/jwebserver"
  [ -x "$JWEBSERVER" ] || die "needs the JDK's jwebserver (JDK 18+) on PATH or in \$JAVA_HOME/bin for the backend"
  nohup "$JWEBSERVER" -b 127.0.0.1 -p "$BACKEND_PORT" -d "$HERE/backend" >"$HOME_DIR/secured-api-backend.log" 2>&1 &
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "$BACKEND/pets.json" && break
    sleep 0.2
  done
  curl -s -o /dev/null "$BACKEND/pets.json" || die "the backend did not start (see $HOME_DIR/secured-api-backend.log)"
fi

# 2. What an earlier run made goes first (stage "secured" must name one API).
for id in $(gw "$GATEWAY_ADMIN/admin/v1/apis" | grep -o "\"id\":\"[a-z0-9]*\",\"name\":\"$NAME\"" | json_field id); do
  gw -X DELETE "$GATEWAY_ADMIN/admin/v1/apis/$id" >/dev/null
done
for id in $(az "$AUTHORIZER/admin/v1/usageplans" | grep -o "\"id\":\"[a-z0-9]*\",\"name\":\"$NAME\"" | json_field id); do
  az -X DELETE "$AUTHORIZER/admin/v1/usageplans/$id" >/dev/null
done
for id in $(az "$AUTHORIZER/admin/v1/apikeys" | grep -o "\"id\":\"[a-z0-9]*\",\"keyPrefix\":\"[^\"]*\",\"name\":\"$NAME\"" | json_field id); do
  az -X DELETE "$AUTHORIZER/admin/v1/apikeys/$id" >/dev/null
done
curl -sS -o /dev/null -X DELETE -H "$AZ_AUTH" "$AUTHORIZER/admin/v1/token-clients/$NAME" || true

# 3. The API, deployed to stage "secured", its JWT authorizer trusting the suite's token endpoint.
DOCUMENT="$(sed -e "s#{{backend}}#$BACKEND#g" -e "s#{{issuer}}#$AUTHORIZER#g" "$HERE/api.yaml")"
API_ID="$(printf '%s' "$DOCUMENT" | gw -X POST "$GATEWAY_ADMIN/admin/v1/apis?stage=$STAGE" --data-binary @- | json_field id)"
[ -n "$API_ID" ] || die "the gateway did not import api.yaml"

# 4. A usage plan for the stage (5/s, burst 10, 1000 a day) and a new key in it; the key's value is shown once.
PLAN_ID="$(az -X POST "$AUTHORIZER/admin/v1/usageplans" -d "{\"name\":\"$NAME\",
  \"throttle\":{\"rateLimit\":5,\"burstLimit\":10},\"quota\":{\"limit\":1000,\"period\":\"DAY\",\"offset\":0},
  \"apiStages\":[{\"apiId\":\"$API_ID\",\"stage\":\"$STAGE\"}]}" | json_field id)"
KEY="$(az -X POST "$AUTHORIZER/admin/v1/apikeys" -d "{\"name\":\"$NAME\"}")"
KEY_ID="$(printf '%s' "$KEY" | json_field id)"
API_KEY="$(printf '%s' "$KEY" | json_field value)"
az -X POST "$AUTHORIZER/admin/v1/usageplans/$PLAN_ID/keys" -d "{\"keyId\":\"$KEY_ID\",\"keyType\":\"API_KEY\"}" >/dev/null

# 5. A client of the token endpoint, and a token for it (aud secured-api, scope pets.read).
SECRET="$(az -X POST "$AUTHORIZER/admin/v1/token-clients" \
  -d "{\"clientId\":\"$NAME\",\"scopes\":[\"pets.read\"],\"audiences\":[\"$NAME\"]}" | json_field clientSecret)"
JWT="$(curl -sS --fail-with-body -u "$NAME:$SECRET" -d 'grant_type=client_credentials&scope=pets.read' \
  "$AUTHORIZER/oauth2/token" | json_field access_token)"
[ -n "$JWT" ] || die "the token endpoint issued no token (is stateway.authorizer.token-endpoint.enabled on?)"

# 6. Wait until the gateway serves the new key (it follows the authorizer within moments).
REVISION="$(az "$AUTHORIZER/admin/v1/key-revision" | json_field revision)"
for _ in $(seq 1 100); do
  SERVED="$(gw "$GATEWAY_ADMIN/admin/v1/catalog" | json_field keyRevision)"
  [ "${SERVED:--1}" -ge "$REVISION" ] && break
  sleep 0.1
done

echo "API_KEY=$API_KEY"
echo "KEY_URL=$GATEWAY/$STAGE/pets"
echo "JWT_URL=$GATEWAY/$STAGE/pets/mine"
echo "JWT=$JWT"
