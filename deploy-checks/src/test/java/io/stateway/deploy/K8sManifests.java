package io.stateway.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * k8s/: the plain manifests for users without Helm. Its generated files (k8s/base and k8s/trial) are
 * the chart's rendering, grouped by component; the overlays are written by hand and checked against
 * the chart's rendering of the matching values file. Also runs {@code kubectl kustomize}.
 */
final class K8sManifests {

    static final String REGENERATE_PROPERTY = "stateway.k8s.regenerate";

    /** Objects each overlay supplies (settings of the user's database and Redis), not in k8s/base. */
    static final List<String> SUPPLIED_BY_OVERLAYS = List.of("ConfigMap/stateway-database", "Secret/stateway");

    private static final String HEADER = """
            # Generated from helm/stateway with %s; do not edit. Change the chart, then run
            #   ./mvnw -B -pl deploy-checks -am test -Dtest=KustomizeTest -Dsurefire.failIfNoSpecifiedTests=false -D%s=true
            """;

    private static final Pattern KUSTOMIZE_VERSION = Pattern.compile("\"kustomizeVersion\"\\s*:\\s*\"v?(\\d+)\\.");

    private K8sManifests() {}

    /** What k8s/base and k8s/trial should hold: file (relative to the repository) to content. */
    static Map<String, String> generatedFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        String baseValues = "helm/stateway/ci/kustomize-base-values.yaml";
        List<ObjectNode> base =
                Yaml.documents(HelmChart.template(Repository.path(baseValues)).manifests());
        for (StatewayService service : StatewayService.ALL) {
            files.put("k8s/base/" + service.component() + ".yaml", render(base, service.component(), baseValues));
        }
        String devValues = "helm/stateway/ci/dev-values.yaml";
        List<ObjectNode> dev =
                Yaml.documents(HelmChart.template(Repository.path(devValues)).manifests());
        for (String component : List.of("postgresql", "redis")) {
            files.put("k8s/trial/" + component + ".yaml", render(dev, component, devValues));
        }
        return files;
    }

    private static String render(List<ObjectNode> documents, String component, String values) {
        StringBuilder text = new StringBuilder(HEADER.formatted(values, REGENERATE_PROPERTY));
        for (ObjectNode document : documents) {
            String kindAndName = document.path("kind").asString() + "/"
                    + document.at("/metadata/name").asString();
            if (component.equals(document.at("/metadata/labels/app.kubernetes.io~1component")
                            .asString(""))
                    && !SUPPLIED_BY_OVERLAYS.contains(kindAndName)) {
                text.append(Yaml.write(Normalized.strip(document.deepCopy())));
            }
        }
        return text.toString();
    }

    static void write(Map<String, String> files) {
        files.forEach((file, content) -> {
            try {
                Files.writeString(Repository.path(file), content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** kubectl, if it is on this machine with a kustomize of v4 or newer; else why not. */
    static Optional<String> kubectlProblem() {
        try {
            String version = run(List.of("kubectl", "version", "--client", "-o", "json"));
            Matcher matcher = KUSTOMIZE_VERSION.matcher(version);
            if (!matcher.find()) {
                return Optional.of("kubectl reports no kustomize version: " + version);
            }
            if (Integer.parseInt(matcher.group(1)) < 4) {
                return Optional.of(
                        "kubectl's kustomize is v" + matcher.group(1) + "; k8s/ needs v4 or newer (kubectl 1.21+)");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("kubectl is not installed (" + e.getMessage()
                    + "); .ci/run installs it where Debian has a recent one");
        }
    }

    /** {@code kubectl kustomize k8s/<dir>}: its documents, or an AssertionError with kubectl's message. */
    static List<ObjectNode> kustomize(String dir) {
        try {
            return Yaml.documents(
                    run(List.of("kubectl", "kustomize", Repository.path(dir).toString())));
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static String run(List<String> command) throws IOException {
        Path err = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectError(err.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(command + " exited with " + process.exitValue() + ": " + Files.readString(err));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
