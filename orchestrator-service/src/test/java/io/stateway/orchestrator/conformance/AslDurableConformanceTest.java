package io.stateway.orchestrator.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stateway.orchestrator.runtime.ExecutionProgress;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.ManualClock;
import io.stateway.testsupport.SpringTestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The AWS-recorded corpus through the durable runtime on real PostgreSQL, with timers collapsed by
 * a virtual clock: the same cases must pass as in memory (the differential check of issue 5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@SpringTestServers
class AslDurableConformanceTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        @Primary
        ManualClock virtualClock() {
            return new ManualClock(Instant.now());
        }

        @Bean
        @Primary
        CaseFunctions caseFunctions() {
            return new CaseFunctions();
        }
    }

    @Autowired
    ExecutionService executions;

    @Autowired
    ExecutionProgress progress;

    @Autowired
    ManualClock clock;

    @Autowired
    CaseFunctions functions;

    @Test
    void corpus_durable_passesWhatTheInMemoryRunPasses() {
        Path corpus = AslConformanceTest.corpus();
        assumeTrue(corpus != null, "no ../shared/asl-conformance next to the repository");
        List<AslCase> cases = AslCase.readAll(corpus);

        List<AslConformance.Result> durable =
                new AslConformance(new DurableExecutor(executions, progress, functions, clock)).run(cases);
        List<AslConformance.Result> inMemory = ConformanceCli.inMemory().run(cases);

        ByteArrayOutputStream report = new ByteArrayOutputStream();
        ConformanceCli.print(durable, new PrintStream(report, true, StandardCharsets.UTF_8));
        System.out.println(report.toString(StandardCharsets.UTF_8));
        assertThat(passed(durable))
                .as("the durable run passes the same cases as the in-memory run")
                .isEqualTo(passed(inMemory));
    }

    private static List<String> passed(List<AslConformance.Result> results) {
        return results.stream()
                .filter(AslConformance.Result::passed)
                .map(r -> r.testCase().id())
                .toList();
    }
}
