package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.OrchestratorApplication;
import io.stateway.orchestrator.runtime.ExecutionProgress;
import io.stateway.orchestrator.runtime.ExecutionService;
import io.stateway.orchestrator.runtime.ManualClock;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./stateway conformance asl DIR [--durable]}: runs a corpus and prints a table per
 * category, each failing case with a one-line reason, and {@code N passed, M failed}.
 */
public final class ConformanceCli {

    private ConformanceCli() {}

    public static void main(String[] args) {
        if (args.length < 2 || !args[0].equals("asl")) {
            System.err.println("usage: conformance asl DIR [--durable]");
            System.exit(2);
        }
        Path corpus = Path.of(args[1]);
        if (!Files.isDirectory(corpus)) {
            System.err.println("No corpus directory at " + corpus);
            System.exit(2);
        }
        List<AslCase> cases = AslCase.readAll(corpus);
        List<AslConformance.Result> results;
        if (Arrays.asList(args).contains("--durable")) {
            results = durable(cases);
        } else {
            results = inMemory().run(cases);
        }
        print(results, System.out);
        System.exit(0);
    }

    /**
     * Runs the cases through the durable runtime: the orchestrator's application context on the
     * PostgreSQL that {@code SPRING_DATASOURCE_URL} (or the default in application.yaml) names, with
     * a virtual clock and the cases' functions in place of the real ones.
     */
    private static List<AslConformance.Result> durable(List<AslCase> cases) {
        ManualClock clock = new ManualClock(Instant.now());
        CaseFunctions functions = new CaseFunctions();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(OrchestratorApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .properties("logging.level.root=WARN", "logging.level.io.stateway=WARN")
                .initializers(c -> {
                    c.getBeanFactory().registerSingleton("clock", clock);
                    c.getBeanFactory().registerSingleton("functionInvoker", functions);
                })
                .run()) {
            DurableExecutor executor = new DurableExecutor(
                    context.getBean(ExecutionService.class),
                    context.getBean(ExecutionProgress.class),
                    functions,
                    clock);
            return new AslConformance(executor).run(cases);
        }
    }

    static AslConformance inMemory() {
        return new AslConformance(new InMemoryExecutor());
    }

    static void print(List<AslConformance.Result> results, PrintStream out) {
        Map<String, int[]> byCategory = new TreeMap<>();
        for (AslConformance.Result result : results) {
            int[] counts = byCategory.computeIfAbsent(result.testCase().category(), c -> new int[2]);
            counts[result.passed() ? 0 : 1]++;
        }
        out.printf("%-22s %7s %7s%n", "category", "passed", "failed");
        byCategory.forEach((category, counts) -> out.printf("%-22s %7d %7d%n", category, counts[0], counts[1]));
        out.println();
        for (AslConformance.Result result : results) {
            if (!result.passed()) {
                out.println("FAIL " + result.testCase().category() + "/"
                        + result.testCase().id() + ": " + result.failure().replace('\n', ' '));
            }
        }
        long passed = results.stream().filter(AslConformance.Result::passed).count();
        out.println();
        out.println(passed + " passed, " + (results.size() - passed) + " failed");
    }
}
