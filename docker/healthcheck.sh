#!/usr/bin/env bash
# The image's HEALTHCHECK: healthy while the service's readiness group answers 200 (UP); 503 (DOWN),
# no answer or no connection is unhealthy. Plain bash (/dev/tcp): the JRE image has no curl.
set -uo pipefail
port="${SERVER_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/${port}" || exit 1
printf 'GET /actuator/health/readiness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 4 status_line <&3 || exit 1
[[ "${status_line}" == "HTTP/1."[01]" 200"* ]]
