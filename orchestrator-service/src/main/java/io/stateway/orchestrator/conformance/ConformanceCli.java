package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.asl.SystemRandomSource;
import io.stateway.orchestrator.asl.runner.InMemoryRunner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        List<AslConformance.Result> results = inMemory().run(AslCase.readAll(corpus));
        print(results, System.out);
        System.exit(0);
    }

    static AslConformance inMemory() {
        return new AslConformance((machine, context, tasks) ->
                new InMemoryRunner(tasks, SystemRandomSource.INSTANCE).run(machine, context));
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
