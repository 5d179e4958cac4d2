package io.stateway.orchestrator.asl.definition;

/** Where a state goes when it is done: the next state, or the end of its flow. */
public sealed interface Transition {

    record Next(String state) implements Transition {}

    record End() implements Transition {}

    Transition END = new End();
}
