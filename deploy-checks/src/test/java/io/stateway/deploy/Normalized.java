package io.stateway.deploy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Manifests in a form where Helm's and kustomize's renderings of the same thing compare equal:
 * without what only Helm adds (its chart and manager labels, the checksum annotations that roll
 * pods on a settings change, which kustomize does with name hashes), without kustomize's name
 * hashes, and with Secrets' {@code stringData} folded into {@code data}.
 */
final class Normalized {

    private static final List<String> HELM_LABELS = List.of("helm.sh/chart", "app.kubernetes.io/managed-by");
    private static final Pattern HASHED = Pattern.compile("(.+)-[a-z0-9]{10}");

    private Normalized() {}

    /** Objects by {@code Kind/name}, normalized. */
    static Map<String, ObjectNode> byName(List<ObjectNode> documents) {
        Map<String, String> unhashed = new HashMap<>();
        for (ObjectNode document : documents) {
            String kind = document.path("kind").asString("");
            String name = document.at("/metadata/name").asString("");
            Matcher matcher = HASHED.matcher(name);
            if ((kind.equals("ConfigMap") || kind.equals("Secret")) && matcher.matches()) {
                unhashed.put(name, matcher.group(1));
            }
        }
        Map<String, ObjectNode> byName = new TreeMap<>();
        for (ObjectNode original : documents) {
            ObjectNode document = original.deepCopy();
            renameReferences(document, unhashed);
            strip(document);
            byName.put(
                    document.path("kind").asString() + "/"
                            + document.at("/metadata/name").asString(),
                    document);
        }
        return byName;
    }

    /** Removes what only Helm adds, in place; also what {@link K8sManifests} writes. */
    static ObjectNode strip(ObjectNode document) {
        List<ObjectNode> metadatas = new ArrayList<>();
        collectMetadata(document, metadatas);
        for (ObjectNode metadata : metadatas) {
            if (metadata.get("labels") instanceof ObjectNode labels) {
                HELM_LABELS.forEach(labels::remove);
            }
            if (metadata.get("annotations") instanceof ObjectNode annotations) {
                List<String> checksums = new ArrayList<>();
                annotations.propertyNames().forEach(name -> {
                    if (name.startsWith("checksum/")) {
                        checksums.add(name);
                    }
                });
                checksums.forEach(annotations::remove);
                if (annotations.isEmpty()) {
                    metadata.remove("annotations");
                }
            }
        }
        if (document.path("kind").asString("").equals("Secret")
                && document.get("stringData") instanceof ObjectNode stringData) {
            ObjectNode data =
                    document.get("data") instanceof ObjectNode existing ? existing : document.putObject("data");
            stringData
                    .properties()
                    .forEach(entry -> data.put(
                            entry.getKey(),
                            Base64.getEncoder()
                                    .encodeToString(entry.getValue().asString().getBytes(StandardCharsets.UTF_8))));
            document.remove("stringData");
        }
        return document;
    }

    private static void collectMetadata(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            for (var entry : object.properties()) {
                if (entry.getKey().equals("metadata") && entry.getValue() instanceof ObjectNode metadata) {
                    into.add(metadata);
                }
                collectMetadata(entry.getValue(), into);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> collectMetadata(item, into));
        }
    }

    private static void renameReferences(JsonNode node, Map<String, String> unhashed) {
        if (node instanceof ObjectNode object) {
            for (var entry : new ArrayList<>(object.properties())) {
                JsonNode value = entry.getValue();
                if (value.isString() && unhashed.containsKey(value.asString())) {
                    object.set(entry.getKey(), StringNode.valueOf(unhashed.get(value.asString())));
                } else {
                    renameReferences(value, unhashed);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isString() && unhashed.containsKey(value.asString())) {
                    array.set(i, StringNode.valueOf(unhashed.get(value.asString())));
                } else {
                    renameReferences(value, unhashed);
                }
            }
        }
    }
}
