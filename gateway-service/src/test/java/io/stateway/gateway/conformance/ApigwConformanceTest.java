package io.stateway.gateway.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stateway.gateway.testing.SharedGateway;
import io.stateway.gateway.testing.WithSharedGateway;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs the API Gateway conformance corpus ({@code shared/apigw-conformance}, found by walking up from the
 * working directory) on the shared gateway. The floor only goes up: raise it when more cases pass.
 */
@WithSharedGateway
class ApigwConformanceTest {

    /** Passing share of the corpus's cases that must not be lost. */
    private static final double FLOOR = 1.0;

    @Test
    void corpus_passesAtLeastTheFloor(SharedGateway gateway) {
        Optional<Path> corpus = corpus();
        assumeTrue(corpus.isPresent(), "no shared/apigw-conformance above the working directory");
        List<ApigwCase> cases = ApigwCase.readAll(corpus.get());

        List<CaseResult> results =
                new ApigwConformance(gateway.admin(), gateway.functions(), gateway.port()).run(cases);

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ConformanceReport.print(results, new PrintStream(report, true, StandardCharsets.UTF_8));
        System.out.println(report.toString(StandardCharsets.UTF_8));
        long passed = results.stream().filter(CaseResult::passed).count();
        assertThat((double) passed / cases.size())
                .as("conformance: " + passed + " of " + cases.size() + " cases pass")
                .isGreaterThanOrEqualTo(FLOOR);
    }

    private static Optional<Path> corpus() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("apigw-conformance");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
