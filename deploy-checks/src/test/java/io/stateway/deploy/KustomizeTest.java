package io.stateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * k8s/: the base is the chart's default rendering, and each overlay renders (with
 * {@code kubectl kustomize}) the same objects as the chart with the overlay's values file, parsed
 * and checked like the chart's.
 */
class KustomizeTest {

    private static Optional<String> kubectlProblem;

    @BeforeAll
    static void findKubectl() {
        kubectlProblem = K8sManifests.kubectlProblem();
        kubectlProblem.ifPresent(problem -> System.err.println("KustomizeTest: kustomize checks skipped: " + problem));
    }

    @Test
    void generatedFiles_areTheChartsCurrentRendering() {
        Map<String, String> expected = K8sManifests.generatedFiles();
        if (Boolean.getBoolean(K8sManifests.REGENERATE_PROPERTY)) {
            K8sManifests.write(expected);
        }
        expected.forEach((file, content) -> assertThat(Repository.read(file))
                .as(
                        "%s is out of date with helm/stateway: regenerate it with -D%s=true (see its first lines)",
                        file, K8sManifests.REGENERATE_PROPERTY)
                .isEqualTo(content));
    }

    @Test
    void base_rendersTheChartsDefaultsLessWhatOverlaysSupply() {
        assumeKubectl();
        Map<String, ObjectNode> chart =
                Normalized.byName(Yaml.documents(HelmChart.template(HelmChart.values("kustomize-base-values.yaml"))
                        .manifests()));
        K8sManifests.SUPPLIED_BY_OVERLAYS.forEach(chart::remove);

        List<ObjectNode> base = K8sManifests.kustomize("k8s/base");

        assertSameObjects("k8s/base", Normalized.byName(base), chart);
        SuiteChecks.assertNoRootContainers(Manifests.parse(Yaml.write(base)));
    }

    @Test
    void devOverlay_rendersWhatTheChartRendersWithDevValues() {
        assertOverlayMatches("k8s/overlays/dev", "dev-values.yaml");
    }

    @Test
    void prodOverlay_rendersWhatTheChartRendersWithProductionValues() {
        assertOverlayMatches("k8s/overlays/prod", "production-values.yaml");
    }

    private static void assertOverlayMatches(String overlay, String valuesFile) {
        assumeKubectl();
        Map<String, ObjectNode> chart = Normalized.byName(
                Yaml.documents(HelmChart.template(HelmChart.values(valuesFile)).manifests()));

        List<ObjectNode> rendered = K8sManifests.kustomize(overlay);

        assertSameObjects(overlay, Normalized.byName(rendered), chart);
        SuiteChecks.assertWholeSuite(Manifests.parse(Yaml.write(rendered)));
    }

    private static void assertSameObjects(
            String what, Map<String, ObjectNode> kustomize, Map<String, ObjectNode> chart) {
        assertThat(kustomize.keySet())
                .as("the objects of %s and of the chart", what)
                .isEqualTo(chart.keySet());
        Map<String, String> different = new TreeMap<>();
        chart.forEach((name, expected) -> {
            ObjectNode actual = kustomize.get(name);
            if (!expected.equals(actual)) {
                different.put(
                        name, "\n--- chart:\n" + Yaml.write(expected) + "--- " + what + ":\n" + Yaml.write(actual));
            }
        });
        assertThat(different)
                .as("objects of %s that differ from the chart's", what)
                .isEmpty();
    }

    private static void assumeKubectl() {
        assumeThat(kubectlProblem)
                .as("kustomize checks need kubectl: %s", kubectlProblem.orElse(""))
                .isEmpty();
    }
}
