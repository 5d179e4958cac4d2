package io.stateway.history;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * The {@code gate} function of the {@code gated-loop} fixture: each call waits until the test opens
 * the gate and answers how many steps remain, so that a test decides when a running execution moves.
 */
final class Gate {

    private final BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();
    private final AtomicInteger calls = new AtomicInteger();

    /** Registers the gate as the orchestrator's {@code gate} function (replacing any earlier one). */
    static Gate install(Orchestrator orchestrator) {
        Gate gate = new Gate();
        orchestrator.functions().register("gate", event -> gate.call());
        return gate;
    }

    /** Lets the waiting (or next) call return, saying {@code remaining} steps remain. */
    void open(int remaining) {
        answers.add(remaining);
    }

    /** How many calls have come in so far. */
    int calls() {
        return calls.get();
    }

    private JsonNode call() {
        calls.incrementAndGet();
        try {
            Integer remaining = answers.poll(60, TimeUnit.SECONDS);
            if (remaining == null) {
                throw new TestFunctions.FunctionError("GateTimeout", "the test never opened the gate");
            }
            return TestFunctions.JSON.createObjectNode().put("remaining", remaining);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestFunctions.FunctionError("Interrupted", "interrupted");
        }
    }
}
