package io.stateway.orchestrator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the AWS-recorded ASL corpus ({@code ../shared/asl-conformance}, when present) through the
 * in-memory engine. The floor only ever goes up: raise it when more cases pass.
 */
class AslConformanceTest {

    /** Cases that must pass; see the closing notes for the ones that do not and why. */
    private static final int FLOOR = 759;

    @Test
    void corpus_inMemory_passesAtLeastTheFloor() {
        Path corpus = corpus();
        assumeTrue(corpus != null, "no ../shared/asl-conformance next to the repository");

        List<AslConformance.Result> results = ConformanceCli.inMemory().run(AslCase.readAll(corpus));
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ConformanceCli.print(results, new PrintStream(report, true, StandardCharsets.UTF_8));
        System.out.println(report.toString(StandardCharsets.UTF_8));

        assertThat(results.stream().filter(AslConformance.Result::passed).count())
                .as("passed cases (the report above lists the failures)")
                .isGreaterThanOrEqualTo(FLOOR);
    }

    /** The corpus beside the repository, found from the module's or the repository's directory. */
    static Path corpus() {
        String configured = System.getProperty("stateway.asl.corpus");
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/asl-conformance");
            if (Files.isDirectory(candidate.resolve("cases"))) {
                return candidate;
            }
        }
        return null;
    }
}
