package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.stateway.deploy.NetworkAccess.Peer;
import io.stateway.deploy.NetworkAccess.Port;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** helm/stateway, through Helm's own lint and template, every object parsed strictly into the Kubernetes model. */
class HelmChartTest {

    private static final Path PRODUCTION = HelmChart.values("production-values.yaml");
    private static final Path DEV = HelmChart.values("dev-values.yaml");
    private static final Path BROKEN = HelmChart.values("broken-values.yaml");

    @Test
    void lint_defaultProductionAndDevValues_passStrict() {
        for (Optional<Path> values : List.of(Optional.<Path>empty(), Optional.of(PRODUCTION), Optional.of(DEV))) {
            LintResult lint = HelmChart.lint(values);
            assertThat(lint.isFailed())
                    .as("helm lint --strict %s: %s", values, lint.getMessages())
                    .isFalse();
        }
    }

    @Test
    void lint_brokenValues_fails() {
        LintResult lint = HelmChart.lint(Optional.of(BROKEN));

        assertThat(lint.isFailed()).isTrue();
        assertThat(String.join("\n", lint.getMessages()))
                .contains("/gateway/replicas")
                .contains("histroy");
    }

    @Test
    void template_readmeInstallCommand_rendersWholeSuiteOnTheGivenDatabase() {
        List<String> installs = Readme.commands("helm install stateway helm/stateway");
        assertThat(installs).as("README's helm install command").hasSize(1);
        Map<String, String> sets = HelmChart.setsOf(installs.getFirst());

        Manifests manifests = HelmChart.template(List.of(), sets).objects();

        SuiteChecks.assertWholeSuite(manifests);
        ConfigMap database = manifests.configMap("stateway-database");
        assertThat(database.getData())
                .containsEntry("url", sets.get("database.url"))
                .containsEntry("history-url", sets.get("database.url"))
                .containsEntry("username", "stateway")
                .containsEntry("history-username", "stateway_history");
        assertThat(manifests.all(Secret.class))
                .as("the user's Secret is used, none rendered")
                .isEmpty();
        for (StatewayService service : StatewayService.ALL) {
            assertThat(manifests
                            .deployment(service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getContainers()
                            .getFirst()
                            .getEnv())
                    .filteredOn(env -> env.getName().equals("SPRING_DATASOURCE_PASSWORD"))
                    .singleElement()
                    .satisfies(env -> assertThat(
                                    env.getValueFrom().getSecretKeyRef().getName())
                            .isEqualTo(sets.get("secrets.existingSecret")));
        }
        assertThat(manifests.all(StatefulSet.class))
                .as("no in-cluster PostgreSQL by default")
                .isEmpty();
        assertThat(manifests.all(Ingress.class)).isEmpty();
    }

    @Test
    void template_defaults_autoscaleAndProtectEveryServiceFromDisruption() {
        Manifests manifests = HelmChart.template(List.of(), minimalSets()).objects();

        for (StatewayService service : StatewayService.ALL) {
            Deployment deployment = manifests.deployment(service);
            HorizontalPodAutoscaler hpa = manifests.get(
                    HorizontalPodAutoscaler.class, deployment.getMetadata().getName());
            assertThat(hpa.getSpec().getScaleTargetRef().getName())
                    .isEqualTo(deployment.getMetadata().getName());
            assertThat(hpa.getSpec().getMinReplicas())
                    .isGreaterThanOrEqualTo(2)
                    .isLessThanOrEqualTo(hpa.getSpec().getMaxReplicas());
            assertThat(deployment.getSpec().getReplicas())
                    .as("replicas are the HPA's to set")
                    .isNull();
            PodDisruptionBudget pdb = manifests.get(
                    PodDisruptionBudget.class, deployment.getMetadata().getName());
            assertThat(NetworkAccess.matches(
                            pdb.getSpec().getSelector(),
                            deployment.getSpec().getTemplate().getMetadata().getLabels()))
                    .isTrue();
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertThat(deployment.getSpec().getTemplate().getSpec().getTopologySpreadConstraints())
                    .extracting(c -> c.getTopologyKey())
                    .containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
            assertThat(manifests.configMap("stateway-" + service.component()).getData())
                    .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        }
    }

    @Test
    void template_productionValues_ingressToTheGatewayMetricsAndReplicaForHistory() {
        Manifests manifests = HelmChart.template(PRODUCTION).objects();

        SuiteChecks.assertWholeSuite(manifests);
        assertThat(manifests.all(Secret.class))
                .as("every credential is in Secrets managed outside Helm")
                .isEmpty();
        assertThat(manifests.configMap("stateway-database").getData().get("history-url"))
                .contains("postgres-replica");

        Ingress ingress = manifests.get(Ingress.class, "stateway-gateway");
        assertThat(ingress.getSpec().getRules())
                .singleElement()
                .satisfies(rule -> assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
                    assertThat(path.getBackend().getService().getName()).isEqualTo("stateway-gateway");
                    assertThat(path.getBackend().getService().getPort().getName())
                            .isEqualTo("http");
                }));
        assertThat(ingress.getSpec().getTls())
                .singleElement()
                .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("stateway-tls"));

        GenericKubernetesResource monitor = manifests.all(GenericKubernetesResource.class).stream()
                .filter(o -> o.getKind().equals("ServiceMonitor"))
                .findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec =
                (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        assertThat(spec.get("endpoints").toString()).contains("port=http").contains("path=/actuator/prometheus");
        Map<String, Object> selectorMap = (Map<String, Object>) spec.get("selector");
        var selector = Yaml.MAPPER.convertValue(selectorMap, io.fabric8.kubernetes.api.model.LabelSelector.class);
        for (StatewayService service : StatewayService.ALL) {
            assertThat(NetworkAccess.matches(
                            selector, manifests.service(service).getMetadata().getLabels()))
                    .as("the ServiceMonitor selects %s", service.module())
                    .isTrue();
        }

        NetworkAccess access = new NetworkAccess(manifests.networkPolicies());
        Map<String, String> gateway = SuiteChecks.podLabels(manifests, "gateway");
        Port gatewayHttp = new Port(StatewayService.named("gateway").port(), "http");
        assertThat(access.admits(Peer.inNamespace("ingress-nginx", Map.of("app", "controller")), gateway, gatewayHttp))
                .isTrue();
        assertThat(access.admits(Peer.inNamespace("elsewhere", Map.of("app", "x")), gateway, gatewayHttp))
                .isFalse();
        Peer prometheus = Peer.inNamespace("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        for (StatewayService service : StatewayService.ALL) {
            assertThat(access.admits(
                            prometheus,
                            SuiteChecks.podLabels(manifests, service.component()),
                            new Port(service.port(), "http")))
                    .as("Prometheus scrapes %s", service.module())
                    .isTrue();
        }
        assertThat(manifests.configMap("stateway-orchestrator").getData())
                .containsEntry("STATEWAY_ORCHESTRATOR_RUNTIME_WORKERS", "128");
    }

    @Test
    void template_trial_runsPostgresqlAndRedisReachableOnlyByTheServices() {
        Manifests manifests = HelmChart.template(DEV).objects();

        SuiteChecks.assertWholeSuite(manifests);
        assertThat(manifests.configMap("stateway-database").getData())
                .containsEntry("url", "jdbc:postgresql://stateway-postgresql:5432/stateway");
        assertThat(manifests.configMap("stateway-postgresql-init").getData().get("init-stateway.sh"))
                .as("the trial PostgreSQL runs the same init script as docker-compose.yml")
                .isEqualTo(Repository.read("docker/postgres/init-stateway.sh"));
        assertThat(Repository.read("helm/stateway/files/init-stateway.sh"))
                .isEqualTo(Repository.read("docker/postgres/init-stateway.sh"));
        assertThat(stringData(manifests.secret("stateway").orElseThrow()))
                .containsEntry("redis-url", "redis://stateway-redis:6379")
                .containsEntry("database-password", "stateway-dev")
                .containsKeys("history-database-password", "postgres-password", "gateway-admin-token")
                .containsKey("history-page-token-key");
        Service postgres = manifests.get(Service.class, "stateway-postgresql");
        assertThat(postgres.getSpec().getPorts())
                .singleElement()
                .satisfies(p -> assertThat(p.getPort()).isEqualTo(5432));

        NetworkAccess access = new NetworkAccess(manifests.networkPolicies());
        Map<String, String> postgresPod = manifests
                .get(StatefulSet.class, "stateway-postgresql")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Map<String, String> redisPod = manifests
                .get(Deployment.class, "stateway-redis")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
        Port pg = new Port(5432, "postgresql");
        Port redis = new Port(6379, "redis");
        for (StatewayService service : StatewayService.ALL) {
            Peer pod = Peer.inRelease(SuiteChecks.podLabels(manifests, service.component()));
            assertThat(access.admits(pod, postgresPod, pg))
                    .as("%s -> PostgreSQL", service.module())
                    .isTrue();
            assertThat(access.admits(pod, redisPod, redis))
                    .as("%s -> Redis", service.module())
                    .isEqualTo(service.usesRedis());
        }
        assertThat(access.admits(Peer.inRelease(Map.of("app", "x")), postgresPod, pg))
                .isFalse();
        assertThat(access.admits(Peer.inRelease(Map.of("app", "x")), redisPod, redis))
                .isFalse();
        for (StatewayService service : StatewayService.ALL) {
            assertThat(manifests.deployment(service).getSpec().getReplicas()).isEqualTo(1);
        }
        assertThat(manifests.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(manifests.all(PodDisruptionBudget.class)).isEmpty();
    }

    @Test
    void template_readmeTrialCommand_rendersWithoutAnyDatabaseSettings() {
        // README: --set trial.enabled=true alone. Its passwords are random (looked up on upgrades, which
        // helm-java's template cannot do without a cluster), so they are given here.
        assertThat(Readme.text()).contains("`--set trial.enabled=true`");
        Map<String, String> sets = Map.of(
                "trial.enabled", "true",
                "secrets.gatewayAdminToken", "t",
                "secrets.historyPageTokenKey", "k".repeat(32),
                "secrets.authorizerInternalToken", "i".repeat(32),
                "secrets.apiKeyPepper", "p".repeat(32),
                "secrets.masterKey", "bWFzdGVyLWtleS1vZi0zMi1ieXRlcy0tLS0tLS0tLS0=",
                "trial.postgresql.password", "a",
                "trial.postgresql.historyPassword", "b",
                "trial.postgresql.postgresPassword", "c");

        Manifests manifests = HelmChart.template(List.of(), sets).objects();

        SuiteChecks.assertWholeSuite(manifests);
        assertThat(manifests
                        .get(StatefulSet.class, "stateway-postgresql")
                        .getSpec()
                        .getVolumeClaimTemplates())
                .hasSize(1);
    }

    @Test
    void template_settingsAsValues_reachTheServicesEnvironment() {
        Map<String, String> sets = new LinkedHashMap<>(minimalSets());
        sets.put("orchestrator.env.STATEWAY_ORCHESTRATOR_RUNTIME_WORKERS", "128");
        sets.put("gateway.secretEnv.STATEWAY_GATEWAY_REDIS_KEY_PREFIX", "tenant-a:");
        sets.put("history.javaOpts", "-XX:MaxRAMPercentage=60");

        Manifests manifests = HelmChart.template(List.of(), sets).objects();

        SuiteChecks.assertWholeSuite(manifests);
        assertThat(manifests.configMap("stateway-orchestrator").getData())
                .containsEntry("STATEWAY_ORCHESTRATOR_RUNTIME_WORKERS", "128");
        assertThat(manifests.configMap("stateway-history").getData())
                .containsEntry("JDK_JAVA_OPTIONS", "-XX:MaxRAMPercentage=60");
        assertThat(stringData(manifests.secret("stateway-gateway").orElseThrow()))
                .containsEntry("STATEWAY_GATEWAY_REDIS_KEY_PREFIX", "tenant-a:");
        assertThat(manifests
                        .deployment(StatewayService.named("gateway"))
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getEnvFrom())
                .filteredOn(from -> from.getSecretRef() != null)
                .singleElement()
                .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("stateway-gateway"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gateway.autoscaling.minReplicas=3                                       | 3
            gateway.autoscaling.enabled=false,gateway.replicas=4                    | 4
            gateway.localThrottlingReplicas=5,gateway.autoscaling.minReplicas=3     | 5
            """)
    void template_gatewayReplicaCount_isTheShareOfTheLimitsEachReplicaKeepsWithoutRedis(
            String settings, String localReplicas) {
        Map<String, String> sets = new LinkedHashMap<>(minimalSets());
        for (String setting : settings.split(",")) {
            sets.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }

        Manifests manifests = HelmChart.template(List.of(), sets).objects();

        assertThat(manifests.configMap("stateway-gateway").getData())
                .containsEntry("STATEWAY_GATEWAY_THROTTLING_LOCALREPLICAS", localReplicas);
    }

    @Test
    void template_noValues_refusedNamingTheDatabaseUrl() {
        HelmChart.Rendering rendering = HelmChart.template(List.of(), Map.of());

        assertThat(rendering.refused()).isTrue();
        assertThat(rendering.error()).contains("database.url is required").contains("trial.enabled=true");
    }

    @Test
    void template_brokenValuesFile_refusedNamingEachWrongValue() {
        HelmChart.Rendering rendering = HelmChart.template(BROKEN);

        assertThat(rendering.refused()).isTrue();
        assertThat(rendering.error())
                .contains("/gateway/replicas")
                .contains("/orchestrator/port")
                .contains("histroy");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            gateway.replicas                        | -1         | /gateway/replicas
            orchestrator.autoscaling.maxReplicas    | 0          | /orchestrator/autoscaling/maxReplicas
            orchestrator.autoscaling.minReplicas    | 9          | orchestrator.autoscaling.minReplicas (9) must not exceed
            database.url                            | mysql://db | /database/url
            secrets.existingSecret                  | ''         | database.password is required
            secrets.historyPageTokenKey             | short      | /secrets/historyPageTokenKey
            gateway.port                            | 80         | /gateway/port
            gateway.localThrottlingReplicas         | 0          | /gateway/localThrottlingReplicas
            pod.securityContext.runAsNonRoot        | false      | /pod/securityContext/runAsNonRoot
            pod.terminationGracePeriodSeconds       | 25         | must exceed pod.preStopSleepSeconds
            trial.enabled                           | true       | trial.enabled=true runs an in-cluster PostgreSQL
            gateway.env.not-a-variable              | x          | invalid propertyName 'not-a-variable'
            logFormat                               | xml        | /logFormat
            """)
    void template_wrongValue_refusedWithAMessageNamingIt(String key, String value, String message) {
        Map<String, String> sets = new LinkedHashMap<>(minimalSets());
        sets.put(key, value);

        HelmChart.Rendering rendering = HelmChart.template(List.of(), sets);

        assertThat(rendering.refused()).as("%s=%s is refused", key, value).isTrue();
        assertThat(rendering.error()).contains(message);
    }

    /** The README's three values. */
    private static Map<String, String> minimalSets() {
        return HelmChart.setsOf(
                Readme.commands("helm install stateway helm/stateway").getFirst());
    }

    private static Map<String, String> stringData(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getStringData() != null) {
            values.putAll(secret.getStringData());
        }
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((key, value) ->
                            values.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
        }
        return values;
    }
}
