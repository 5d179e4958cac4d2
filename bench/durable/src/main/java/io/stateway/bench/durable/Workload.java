package io.stateway.bench.durable;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The three workloads of issue 5, each an ASL definition and an input under {@code workloads/} on
 * the classpath, with how many executions each phase starts.
 *
 * @param warmUp executions run before measuring, so that the orchestrator's JIT has compiled the path
 * @param burst executions of the capacity phase (started as fast as the API takes them)
 */
record Workload(String name, String label, int warmUp, int burst) {

    static final String CHOICE_CHAIN = "choice-chain";

    /** The workloads in report order; quick runs start a handful of executions of each. */
    static java.util.List<Workload> all(boolean quick) {
        return java.util.List.of(
                new Workload(CHOICE_CHAIN, "(a) 10-state Pass/Choice", quick ? 50 : 4000, quick ? 200 : 20_000),
                new Workload("task-choice-wait", "(b) Task, Choice, Wait 0", quick ? 30 : 1000, quick ? 60 : 6000),
                new Workload("map-100", "(c) Map over 100 items", quick ? 2 : 20, quick ? 3 : 150));
    }

    String definition() {
        return resource(name + ".asl.json");
    }

    String input() {
        return resource(name + ".input.json");
    }

    private static String resource(String file) {
        try (InputStream in = Workload.class.getResourceAsStream("/workloads/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing workload resource workloads/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
