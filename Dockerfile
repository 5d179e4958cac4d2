# syntax=docker/dockerfile:1.7
# The image of each Stateway service; one file, one pattern, for all four:
#
#   docker build --build-arg SERVICE=gateway-service --build-arg PORT=8080 -t stateway/gateway-service .
#
# (SERVICE: gateway-service 8080, orchestrator-service 8081, history-service 8082,
# authorizer-service 8083; docker-compose.yml builds all four.) The build's deploy-checks module
# checks this file against the services' jars and configuration.

ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG JRE_IMAGE=eclipse-temurin:25-jre-noble

# 1. Build the service's executable jar (tests run in CI, not here).
FROM ${JDK_IMAGE} AS build
ARG SERVICE
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    test -n "${SERVICE}" || { echo "--build-arg SERVICE=<name>-service is required" >&2; exit 1; }; \
    ./mvnw -B -q -pl "${SERVICE}" -am -DskipTests package \
    && cp "${SERVICE}"/target/"${SERVICE}"-*-exec.jar /app.jar

# 2. Split it into Spring Boot's layers: dependencies change seldom, the application often.
FROM ${JDK_IMAGE} AS layers
WORKDIR /layers
COPY --from=build /app.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

# 3. The runtime: a JRE, the layers (least changing first), a non-root user.
FROM ${JRE_IMAGE}
ARG SERVICE
ARG PORT
RUN test -n "${PORT}" || { echo "--build-arg PORT=<the service's server.port> is required" >&2; exit 1; }; \
    groupadd --system --gid 10001 stateway \
    && useradd --system --uid 10001 --gid stateway --no-create-home --home-dir /nonexistent \
       --shell /usr/sbin/nologin stateway
WORKDIR /app
COPY --from=layers /layers/extracted/dependencies/ ./
COPY --from=layers /layers/extracted/spring-boot-loader/ ./
COPY --from=layers /layers/extracted/snapshot-dependencies/ ./
COPY --from=layers /layers/extracted/application/ ./
COPY --chmod=0555 docker/healthcheck.sh /usr/local/bin/healthcheck
# Container-aware memory (a share of the cgroup limit, not of the node), and a restart rather than
# a half-dead JVM after an OutOfMemoryError. JDK_JAVA_OPTIONS, read after these, overrides them.
# /tmp is the only path written to: mount a tmpfs or emptyDir there (the root filesystem is read-only).
ENV SERVER_PORT=${PORT} \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=50 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
LABEL org.opencontainers.image.title="stateway ${SERVICE}" \
      org.opencontainers.image.description="Stateway ${SERVICE}: self-hosted Step Functions and API Gateway"
EXPOSE ${PORT}
USER 10001:10001
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 CMD ["/usr/local/bin/healthcheck"]
# SIGTERM goes to the JVM itself (exec form): Spring's graceful shutdown drains requests in flight.
ENTRYPOINT ["java", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
