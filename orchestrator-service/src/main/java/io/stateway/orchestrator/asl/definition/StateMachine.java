package io.stateway.orchestrator.asl.definition;

/**
 * A parsed, validated state machine definition: immutable, shareable between threads, and the
 * root of every execution of it.
 *
 * @param timeoutSeconds the execution's {@code TimeoutSeconds}, or {@code null} for none
 */
public record StateMachine(
        String comment, Flow flow, QueryLanguage queryLanguage, Long timeoutSeconds, String version) {}
