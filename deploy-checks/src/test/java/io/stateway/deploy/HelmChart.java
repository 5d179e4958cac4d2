package io.stateway.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** helm/stateway through Helm's own engine (helm-java: the helm CLI's Go code, in process). */
final class HelmChart {

    static final Path CHART = Repository.path("helm/stateway");
    static final String RELEASE = "stateway";
    /** The oldest Kubernetes the chart supports (Chart.yaml's kubeVersion). */
    static final String KUBE_VERSION = "1.30.0";

    private HelmChart() {}

    static Path values(String name) {
        return CHART.resolve("ci").resolve(name);
    }

    /** {@code helm template stateway helm/stateway -f FILE... --set K=V...}: the manifests, or the error. */
    static Rendering template(List<Path> valuesFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace("stateway")
                .withKubeVersion(KUBE_VERSION);
        for (Path file : valuesFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        try {
            return new Rendering(command.call(), null);
        } catch (IllegalStateException e) {
            return new Rendering(null, e.getMessage());
        }
    }

    static Rendering template(Path valuesFile) {
        return template(List.of(valuesFile), Map.of());
    }

    /**
     * {@code helm lint --strict helm/stateway -f FILE}. helm-java's lint reads only the chart's own
     * values.yaml, so the file is merged into a copy of the chart the way Helm merges values (maps
     * deeply, everything else replaced, null deletes).
     */
    static LintResult lint(Optional<Path> valuesFile) {
        if (valuesFile.isEmpty()) {
            return new Helm(CHART).lint().strict().call();
        }
        Path copy = copyOfChart();
        try {
            ObjectNode values = (ObjectNode) Yaml.parse(Files.readString(copy.resolve("values.yaml")));
            merge(values, Yaml.parse(Files.readString(valuesFile.get())));
            Files.writeString(copy.resolve("values.yaml"), Yaml.write(values));
            return new Helm(copy).lint().strict().call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(copy);
        }
    }

    private static void merge(ObjectNode into, JsonNode from) {
        if (!from.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : from.properties()) {
            JsonNode existing = into.get(entry.getKey());
            if (entry.getValue().isNull()) {
                into.remove(entry.getKey());
            } else if (existing != null
                    && existing.isObject()
                    && entry.getValue().isObject()) {
                merge((ObjectNode) existing, entry.getValue());
            } else {
                into.set(entry.getKey(), entry.getValue());
            }
        }
    }

    private static Path copyOfChart() {
        try {
            Path target = Files.createTempDirectory("stateway-chart").resolve("stateway");
            Files.walkFileTree(CHART, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(CHART.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(CHART.relativize(file)));
                    return FileVisitResult.CONTINUE;
                }
            });
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path chartCopy) {
        try (var paths = Files.walk(chartCopy.getParent())) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code helm template} gave: the manifests, or Helm's error message. */
    record Rendering(String manifests, String error) {

        boolean refused() {
            return error != null;
        }

        Manifests objects() {
            if (refused()) {
                throw new AssertionError("helm template refused the values: " + error);
            }
            return Manifests.parse(manifests);
        }
    }

    /** The {@code --set} pairs of a {@code helm install} command line. */
    static Map<String, String> setsOf(String commandLine) {
        Map<String, String> sets = new LinkedHashMap<>();
        List<String> words =
                new ArrayList<>(List.of(commandLine.replace("\\\n", " ").trim().split("\\s+")));
        for (int i = 0; i < words.size() - 1; i++) {
            if (words.get(i).equals("--set")) {
                String pair = words.get(i + 1);
                int eq = pair.indexOf('=');
                sets.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return sets;
    }
}
