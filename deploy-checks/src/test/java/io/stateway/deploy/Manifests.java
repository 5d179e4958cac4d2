package io.stateway.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rendered manifests parsed strictly into the fabric8 Kubernetes model: every kind must be one the
 * model knows (or an allowed custom resource), every field must be one the API has, with the
 * right type. fabric8 keeps unknown fields in {@code additionalProperties} rather than failing, so
 * the whole object graph is walked and any such field is an error, named by its path.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Custom resources the model has no class for, with the spec fields they may use. */
    private static final Map<String, Set<String>> CUSTOM_RESOURCES = Map.of(
            "monitoring.coreos.com/v1/ServiceMonitor",
            Set.of("selector", "endpoints", "namespaceSelector", "jobLabel", "targetLabels", "podTargetLabels"));

    private static final Set<String> SERVICE_MONITOR_ENDPOINT_FIELDS = Set.of(
            "port", "path", "interval", "scrapeTimeout", "scheme", "tlsConfig", "relabelings", "metricRelabelings");

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    static Manifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (ObjectNode document : Yaml.documents(yaml)) {
            objects.add(strict(document));
        }
        return new Manifests(objects);
    }

    static HasMetadata strict(ObjectNode document) {
        String apiVersion = document.path("apiVersion").asString("");
        String kind = document.path("kind").asString("");
        String where =
                apiVersion + " " + kind + " " + document.at("/metadata/name").asString("(no name)");
        if (CUSTOM_RESOURCES.containsKey(apiVersion + "/" + kind)) {
            return customResource(document, apiVersion + "/" + kind, where);
        }
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || type == GenericKubernetesResource.class || !HasMetadata.class.isAssignableFrom(type)) {
            throw new AssertionError("not a kind of the Kubernetes API model: " + where);
        }
        HasMetadata object;
        try {
            object = (HasMetadata) SERIALIZATION.unmarshal(document.toString(), type);
        } catch (RuntimeException e) {
            throw new AssertionError("does not fit the Kubernetes API model: " + where + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(object, kind, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the Kubernetes API does not have, in " + where + ": " + unknown);
        }
        return object;
    }

    private static HasMetadata customResource(ObjectNode document, String type, String where) {
        Set<String> allowedTop = Set.of("apiVersion", "kind", "metadata", "spec");
        List<String> unknown = new ArrayList<>();
        document.propertyNames().forEach(name -> {
            if (!allowedTop.contains(name)) {
                unknown.add(name);
            }
        });
        document.path("spec").propertyNames().forEach(name -> {
            if (!CUSTOM_RESOURCES.get(type).contains(name)) {
                unknown.add("spec." + name);
            }
        });
        for (JsonNode endpoint : document.at("/spec/endpoints")) {
            endpoint.propertyNames().forEach(name -> {
                if (!SERVICE_MONITOR_ENDPOINT_FIELDS.contains(name)) {
                    unknown.add("spec.endpoints[]." + name);
                }
            });
        }
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields " + type + " does not have, in " + where + ": " + unknown);
        }
        return SERIALIZATION.unmarshal(document.toString(), GenericKubernetesResource.class);
    }

    private static void unknownFields(Object node, String path, List<String> unknown) {
        switch (node) {
            case null -> {}
            case Collection<?> items -> {
                int i = 0;
                for (Object item : items) {
                    unknownFields(item, path + "[" + i++ + "]", unknown);
                }
            }
            case Map<?, ?> map -> map.forEach((key, value) -> unknownFields(value, path + "." + key, unknown));
            default -> {
                if (!node.getClass().getPackageName().startsWith("io.fabric8")) {
                    return;
                }
                for (Method getter : node.getClass().getMethods()) {
                    if (getter.getParameterCount() != 0
                            || Modifier.isStatic(getter.getModifiers())
                            || !getter.getName().startsWith("get")
                            || getter.getDeclaringClass() == Object.class) {
                        continue;
                    }
                    Object value = invoke(getter, node);
                    if (getter.getName().equals("getAdditionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            extra.keySet().forEach(key -> unknown.add(path + "." + key));
                        }
                    } else if (!(value instanceof String)
                            && !(value instanceof Number)
                            && !(value instanceof Boolean)) {
                        unknownFields(value, path + "." + property(getter), unknown);
                    }
                }
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    List<HasMetadata> all() {
        return objects;
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " " + name + " among " + names()));
    }

    List<String> names() {
        return objects.stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .toList();
    }

    Deployment deployment(StatewayService service) {
        return get(Deployment.class, HelmChart.RELEASE + "-" + service.component());
    }

    Service service(StatewayService service) {
        return get(Service.class, HelmChart.RELEASE + "-" + service.component());
    }

    ConfigMap configMap(String name) {
        return get(ConfigMap.class, name);
    }

    Optional<Secret> secret(String name) {
        return find(Secret.class, name);
    }

    List<NetworkPolicy> networkPolicies() {
        return all(NetworkPolicy.class);
    }

    Stream<HasMetadata> stream() {
        return objects.stream();
    }
}
