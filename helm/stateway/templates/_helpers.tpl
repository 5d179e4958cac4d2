{{/* The four services, in start-up order. Each has a block of the same shape in values.yaml. */}}
{{- define "stateway.components" -}}
orchestrator history authorizer gateway
{{- end }}

{{- define "stateway.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains "stateway" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-stateway" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end }}

{{/* Labels; the argument is a dict with "root" (the chart's context) and "name" (a component). */}}
{{- define "stateway.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Values.nameOverride | default "stateway" }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "stateway.labels" -}}
{{ include "stateway.selectorLabels" . }}
app.kubernetes.io/part-of: stateway
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{- define "stateway.image" -}}
{{- $tag := .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- printf "%s/%s-service:%s" .root.Values.image.repository .name $tag -}}
{{- end }}

{{/* The Secret with the credentials (keys listed in values.yaml, "secrets"): the user's or the chart's. */}}
{{- define "stateway.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "stateway.fullname" .) -}}
{{- end }}

{{- define "stateway.databaseUrl" -}}
{{- if .Values.trial.enabled -}}
{{- printf "jdbc:postgresql://%s-postgresql:5432/stateway" (include "stateway.fullname" .) -}}
{{- else -}}
{{- .Values.database.url -}}
{{- end -}}
{{- end }}

{{/*
Checks that need more than values.schema.json can say, with messages that say what to set.
Included once, by deployment.yaml.
*/}}
{{- define "stateway.validate" -}}
{{- $v := .Values -}}
{{- if $v.trial.enabled -}}
{{- if or $v.database.url $v.redis.url $v.secrets.existingSecret -}}
{{- fail "trial.enabled=true runs an in-cluster PostgreSQL and Redis and makes its own Secret: leave database.url, redis.url and secrets.existingSecret empty (or turn trial off)" -}}
{{- end -}}
{{- else -}}
{{- if not $v.database.url -}}
{{- fail "database.url is required: the JDBC URL of your PostgreSQL, e.g. --set database.url=jdbc:postgresql://HOST:5432/stateway (or --set trial.enabled=true for an in-cluster PostgreSQL and Redis, not for production)" -}}
{{- end -}}
{{- if not $v.secrets.existingSecret -}}
{{- if not $v.database.password -}}
{{- fail "database.password is required (the password of database.username), or name a Secret you manage in secrets.existingSecret (its keys: values.yaml, secrets)" -}}
{{- end -}}
{{- if not $v.database.history.password -}}
{{- fail "database.history.password is required (the password of database.history.username, history-service's read-only login), or name a Secret you manage in secrets.existingSecret" -}}
{{- end -}}
{{- if not $v.redis.url -}}
{{- fail "redis.url is required: e.g. --set redis.url=redis://HOST:6379 (redis://:PASSWORD@HOST:6379 with a password), or put it under redis-url in the Secret named in secrets.existingSecret" -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $name := include "stateway.components" . | splitList " " -}}
{{- $c := index $v $name -}}
{{- if and $c.autoscaling.enabled (gt (int $c.autoscaling.minReplicas) (int $c.autoscaling.maxReplicas)) -}}
{{- fail (printf "%s.autoscaling.minReplicas (%d) must not exceed %s.autoscaling.maxReplicas (%d)" $name (int $c.autoscaling.minReplicas) $name (int $c.autoscaling.maxReplicas)) -}}
{{- end -}}
{{- end -}}
{{- $shutdown := add (int $v.pod.preStopSleepSeconds) 20 -}}
{{- if le (int $v.pod.terminationGracePeriodSeconds) $shutdown -}}
{{- fail (printf "pod.terminationGracePeriodSeconds (%d) must exceed pod.preStopSleepSeconds + the services' 20s shutdown timeout (%d), or requests in flight are cut off" (int $v.pod.terminationGracePeriodSeconds) $shutdown) -}}
{{- end -}}
{{- end }}

{{/* The gateway replicas that share the rate limits while Redis is down (values.yaml: localThrottlingReplicas). */}}
{{- define "stateway.gatewayLocalReplicas" -}}
{{- if .localThrottlingReplicas -}}
{{ int .localThrottlingReplicas }}
{{- else if .autoscaling.enabled -}}
{{ int .autoscaling.minReplicas }}
{{- else -}}
{{ int .replicas }}
{{- end -}}
{{- end }}

{{/*
The settings in a service's ConfigMap: its port (the gateway's admin port and where it reaches the
orchestrator too), log format, JVM options and env values. The argument: dict "root", "name", "c".
*/}}
{{- define "stateway.configData" -}}
SERVER_PORT: {{ .c.port | quote }}
{{- if eq .name "gateway" }}
STATEWAY_GATEWAY_ADMIN_PORT: {{ .c.adminPort | quote }}
STATEWAY_GATEWAY_ORCHESTRATOR_URL: {{ printf "http://%s-orchestrator:%d/" (include "stateway.fullname" .root) (int .root.Values.orchestrator.port) | quote }}
STATEWAY_GATEWAY_AUTHORIZER_URL: {{ printf "http://%s-authorizer:%d/" (include "stateway.fullname" .root) (int .root.Values.authorizer.port) | quote }}
STATEWAY_GATEWAY_THROTTLING_LOCALREPLICAS: {{ include "stateway.gatewayLocalReplicas" .c | quote }}
{{- end }}
{{- if and .root.Values.logFormat (ne .root.Values.logFormat "plain") }}
LOGGING_STRUCTURED_FORMAT_CONSOLE: {{ .root.Values.logFormat | quote }}
{{- end }}
{{- with .c.javaOpts }}
JDK_JAVA_OPTIONS: {{ . | quote }}
{{- end }}
{{- range $key, $value := .c.env }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}
