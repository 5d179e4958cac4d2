package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.stateway.deploy.NetworkAccess.Peer;
import io.stateway.deploy.NetworkAccess.Port;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What must hold of any rendering of the suite, Helm's or kustomize's: each service's Deployment
 * against the service's own configuration (port, Actuator probe groups, shutdown timeout,
 * environment variables it understands), rolling updates that keep it available, no root, and
 * network access only through the gateway.
 */
final class SuiteChecks {

    private static final String LIVENESS = "/actuator/health/liveness";
    private static final String READINESS = "/actuator/health/readiness";

    private SuiteChecks() {}

    static void assertWholeSuite(Manifests manifests) {
        for (StatewayService service : StatewayService.ALL) {
            assertService(manifests, service);
        }
        assertNoRootContainers(manifests);
        assertOnlyTheGatewayIsReachableFromOutside(manifests);
    }

    static void assertService(Manifests manifests, StatewayService service) {
        Deployment deployment = manifests.deployment(service);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getContainers()).as("%s containers", service.module()).hasSize(1);
        Container container = pod.getContainers().getFirst();

        assertThat(container.getImage()).as("%s image", service.module()).matches(".+/" + service.module() + ":[^:/]+");
        Map<String, Integer> ports = new TreeMap<>(Map.of("http", service.port()));
        if (service.adminPort() > 0) {
            ports.put("admin", service.adminPort());
        }
        Map<String, Integer> containerPorts = new TreeMap<>();
        container.getPorts().forEach(port -> containerPorts.put(port.getName(), port.getContainerPort()));
        assertThat(containerPorts)
                .as("%s container ports against its server.port (and admin port)", service.module())
                .isEqualTo(ports);
        Service kubeService = manifests.service(service);
        Map<String, Integer> servicePorts = new TreeMap<>();
        kubeService.getSpec().getPorts().forEach(port -> {
            assertThat(port.getTargetPort().getStrVal()).isEqualTo(port.getName());
            servicePorts.put(port.getName(), port.getPort());
        });
        assertThat(servicePorts).as("%s Service ports", service.module()).isEqualTo(ports);
        assertThat(kubeService.getSpec().getSelector())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

        assertProbes(service, container);
        assertGracefulRollout(service, deployment, container);
        assertEnvironment(manifests, service, container);
        assertThat(container.getResources().getRequests())
                .as("%s requests", service.module())
                .containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits())
                .as("%s limits", service.module())
                .containsKey("memory");

        assertThat(pod.getEnableServiceLinks())
                .as(
                        "%s: service links would put STATEWAY_<NAME>_PORT variables, read as settings, into the environment",
                        service.module())
                .isFalse();
        assertThat(pod.getAutomountServiceAccountToken())
                .as("%s mounts no API token", service.module())
                .isFalse();
        assertThat(manifests.find(ServiceAccount.class, pod.getServiceAccountName()))
                .as("%s's ServiceAccount", service.module())
                .isPresent();
        assertThat(container.getVolumeMounts())
                .as("%s: /tmp is writable (the root filesystem is not)", service.module())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        String tmpVolume = container.getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals("/tmp"))
                .findFirst()
                .orElseThrow()
                .getName();
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getName().equals(tmpVolume))
                .singleElement()
                .extracting(Volume::getEmptyDir)
                .isNotNull();
    }

    private static void assertProbes(StatewayService service, Container container) {
        assertThat(service.applicationYaml()
                        .at("/management/endpoint/health/probes/enabled")
                        .asBoolean(false))
                .as("%s enables Actuator's probe groups (management.endpoint.health.probes.enabled)", service.module())
                .isTrue();
        assertThat(service.applicationYaml()
                        .at("/management/endpoints/web/exposure/include")
                        .asString(""))
                .as("%s exposes health and prometheus", service.module())
                .contains("health")
                .contains("prometheus");
        assertThat(service.readinessIncludes())
                .as("%s readiness group", service.module())
                .contains("readinessState");
        assertHttpProbe(service, "startupProbe", container.getStartupProbe(), LIVENESS);
        assertHttpProbe(service, "livenessProbe", container.getLivenessProbe(), LIVENESS);
        assertHttpProbe(service, "readinessProbe", container.getReadinessProbe(), READINESS);
    }

    private static void assertHttpProbe(StatewayService service, String which, Probe probe, String path) {
        assertThat(probe).as("%s %s", service.module(), which).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("%s %s is an HTTP GET", service.module(), which).isNotNull();
        assertThat(get.getPath()).as("%s %s path", service.module(), which).isEqualTo(path);
        assertThat(
                        get.getPort().getStrVal() != null
                                ? get.getPort().getStrVal()
                                : String.valueOf(get.getPort().getIntVal()))
                .as("%s %s port", service.module(), which)
                .isIn("http", String.valueOf(service.port()));
    }

    private static void assertGracefulRollout(StatewayService service, Deployment deployment, Container container) {
        var strategy = deployment.getSpec().getStrategy();
        assertThat(strategy.getType()).isEqualTo("RollingUpdate");
        var maxUnavailable = strategy.getRollingUpdate().getMaxUnavailable();
        assertThat(
                        maxUnavailable.getIntVal() != null
                                ? String.valueOf(maxUnavailable.getIntVal())
                                : maxUnavailable.getStrVal())
                .as("%s maxUnavailable", service.module())
                .isIn("0", "0%");
        long preStop = Optional.ofNullable(container.getLifecycle())
                .map(l -> l.getPreStop())
                .map(p -> p.getSleep() == null ? 0L : p.getSleep().getSeconds())
                .orElse(0L);
        long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace)
                .as(
                        "%s: terminationGracePeriodSeconds covers the preStop sleep (%ds) and the shutdown timeout (%s)",
                        service.module(), preStop, service.shutdownTimeout())
                .isGreaterThan(preStop + service.shutdownTimeout().toSeconds());
        assertThat(service.applicationYaml().at("/server/shutdown").asString(""))
                .as("%s server.shutdown", service.module())
                .isEqualTo("graceful");
    }

    private static void assertEnvironment(Manifests manifests, StatewayService service, Container container) {
        List<String> names = new ArrayList<>();
        for (EnvVar env : container.getEnv()) {
            names.add(env.getName());
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                manifests
                        .find(ConfigMap.class, ref.getName())
                        .ifPresent(map -> assertThat(map.getData())
                                .as("ConfigMap %s", ref.getName())
                                .containsKey(ref.getKey()));
            }
        }
        Map<String, String> fromConfigMap = Map.of();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                ConfigMap map = manifests.configMap(source.getConfigMapRef().getName());
                names.addAll(map.getData().keySet());
                fromConfigMap = map.getData();
            }
        }
        assertThat(fromConfigMap.get("SERVER_PORT"))
                .as("%s SERVER_PORT", service.module())
                .isEqualTo(String.valueOf(service.port()));
        assertThat(names)
                .as("%s's environment", service.module())
                .contains("SPRING_DATASOURCE_URL", "SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD");
        if (service.component().equals("gateway")) {
            assertThat(names)
                    .as("the gateway's admin token is shared by its replicas")
                    .contains("STATEWAY_GATEWAY_ADMIN_TOKEN");
            StatewayService orchestrator = StatewayService.named("orchestrator");
            assertThat(fromConfigMap.get("STATEWAY_GATEWAY_ORCHESTRATOR_URL"))
                    .as("the gateway reaches the orchestrator through its Service")
                    .isEqualTo("http://" + HelmChart.RELEASE + "-orchestrator:" + orchestrator.port() + "/");
            assertThat(fromConfigMap.get("STATEWAY_GATEWAY_ADMIN_PORT")).isEqualTo(String.valueOf(service.adminPort()));
        }
        if (service.component().equals("history")) {
            assertThat(names)
                    .as("history-service's page-token key is shared by its replicas")
                    .contains("STATEWAY_HISTORY_PAGE_TOKENS_KEY");
        }
        if (service.usesRedis()) {
            assertThat(names).contains("SPRING_DATA_REDIS_URL");
        } else {
            assertThat(names).doesNotContain("SPRING_DATA_REDIS_URL");
        }
        assertThat(names.stream().filter(name -> !service.understands(name)).toList())
                .as(
                        "variables %s does not understand (not in its application.yaml nor docs/configuration.md)",
                        service.module())
                .isEmpty();
        String usernameKey = container.getEnv().stream()
                .filter(e -> e.getName().equals("SPRING_DATASOURCE_USERNAME"))
                .findFirst()
                .orElseThrow()
                .getValueFrom()
                .getConfigMapKeyRef()
                .getKey();
        assertThat(usernameKey)
                .as("%s's database login", service.module())
                .isEqualTo(service.component().equals("history") ? "history-username" : "username");
    }

    static void assertNoRootContainers(Manifests manifests) {
        List<PodTemplateSpec> templates = new ArrayList<>();
        manifests.all(Deployment.class).forEach(d -> templates.add(d.getSpec().getTemplate()));
        manifests.all(StatefulSet.class).forEach(s -> templates.add(s.getSpec().getTemplate()));
        assertThat(templates).isNotEmpty();
        for (PodTemplateSpec template : templates) {
            PodSecurityContext pod = template.getSpec().getSecurityContext();
            for (Container container : template.getSpec().getContainers()) {
                SecurityContext own = container.getSecurityContext();
                String what = template.getMetadata().getLabels() + " container " + container.getName();
                Boolean nonRoot = own != null && own.getRunAsNonRoot() != null
                        ? own.getRunAsNonRoot()
                        : pod == null ? null : pod.getRunAsNonRoot();
                Long user = own != null && own.getRunAsUser() != null
                        ? own.getRunAsUser()
                        : pod == null ? null : pod.getRunAsUser();
                assertThat(nonRoot).as("%s runAsNonRoot", what).isTrue();
                assertThat(user).as("%s runAsUser", what).isNotNull().isPositive();
                assertThat(own).as("%s securityContext", what).isNotNull();
                assertThat(own.getAllowPrivilegeEscalation())
                        .as("%s allowPrivilegeEscalation", what)
                        .isFalse();
                assertThat(own.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
                assertThat(own.getReadOnlyRootFilesystem())
                        .as("%s readOnlyRootFilesystem", what)
                        .isTrue();
                assertThat(own.getCapabilities().getDrop())
                        .as("%s drops capabilities", what)
                        .contains("ALL");
                assertThat(Optional.ofNullable(own.getCapabilities().getAdd()).orElse(List.of()))
                        .as("%s adds no capabilities", what)
                        .isEmpty();
            }
        }
    }

    static Map<String, String> podLabels(Manifests manifests, String component) {
        return manifests
                .get(Deployment.class, HelmChart.RELEASE + "-" + component)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getLabels();
    }

    static void assertOnlyTheGatewayIsReachableFromOutside(Manifests manifests) {
        NetworkAccess access = new NetworkAccess(manifests.networkPolicies());
        Map<String, String> gateway = podLabels(manifests, "gateway");
        Peer gatewayPod = Peer.inRelease(gateway);
        Peer strangerInNamespace = Peer.inRelease(Map.of("app", "something-else"));
        Peer strangerElsewhere = Peer.inNamespace("elsewhere", Map.of("app", "something-else"));
        StatewayService gatewayService = StatewayService.named("gateway");
        Port admin = new Port(gatewayService.adminPort(), "admin");
        assertThat(access.admits(strangerInNamespace, gateway, admin))
                .as("another pod of the namespace -> the gateway's admin port")
                .isFalse();
        assertThat(access.admits(strangerElsewhere, gateway, admin))
                .as("a pod of another namespace -> the gateway's admin port")
                .isFalse();
        for (StatewayService service : StatewayService.ALL) {
            Map<String, String> target = podLabels(manifests, service.component());
            Port http = new Port(service.port(), "http");
            assertThat(access.isolated(target))
                    .as("a NetworkPolicy selects %s's pods", service.module())
                    .isTrue();
            if (service.component().equals("gateway")) {
                continue;
            }
            assertThat(access.admits(gatewayPod, target, http))
                    .as("gateway -> %s", service.module())
                    .isTrue();
            assertThat(access.admits(strangerInNamespace, target, http))
                    .as("another pod of the namespace -> %s", service.module())
                    .isFalse();
            assertThat(access.admits(strangerElsewhere, target, http))
                    .as("a pod of another namespace -> %s", service.module())
                    .isFalse();
            assertThat(access.admits(gatewayPod, target, new Port(5005, "debug")))
                    .as("gateway -> %s on another port", service.module())
                    .isFalse();
            for (StatewayService other : StatewayService.ALL) {
                if (!other.component().equals("gateway") && other != service) {
                    assertThat(access.admits(Peer.inRelease(podLabels(manifests, other.component())), target, http))
                            .as("%s -> %s (services talk through the gateway only)", other.module(), service.module())
                            .isFalse();
                }
            }
        }
        List<String> isolatedWorkloads = new ArrayList<>();
        for (HasMetadata workload : manifests.stream()
                .filter(o -> o instanceof Deployment || o instanceof StatefulSet)
                .toList()) {
            PodTemplateSpec template = workload instanceof Deployment d
                    ? d.getSpec().getTemplate()
                    : ((StatefulSet) workload).getSpec().getTemplate();
            if (!access.isolated(template.getMetadata().getLabels())) {
                isolatedWorkloads.add(workload.getMetadata().getName());
            }
        }
        assertThat(new TreeSet<>(isolatedWorkloads))
                .as("workloads no NetworkPolicy selects")
                .isEmpty();
    }
}
