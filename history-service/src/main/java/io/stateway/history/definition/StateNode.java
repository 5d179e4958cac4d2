package io.stateway.history.definition;

import java.util.List;

/**
 * One state of a definition, as far as drawing it and reading its history need: its type, where it
 * goes next, and the flows it runs.
 *
 * @param type the ASL type ({@code Task}, {@code Map}, ...)
 * @param transitions where it goes: {@code Next}, a Choice's rules and {@code Default}
 * @param catches the states its {@code Catch} rules go to, with the errors they catch
 * @param end whether the flow may end here ({@code End}, Succeed, Fail)
 * @param retries whether it has {@code Retry} rules
 * @param branches a Parallel state's branches; a Map state's item processor (one); else empty
 * @param error a Fail state's {@code Error}, when it is fixed
 * @param cause a Fail state's {@code Cause}, when it is fixed
 */
public record StateNode(
        String name,
        String type,
        List<Transition> transitions,
        List<Transition> catches,
        boolean end,
        boolean retries,
        List<Flow> branches,
        String error,
        String cause) {

    public StateNode {
        transitions = List.copyOf(transitions);
        catches = List.copyOf(catches);
        branches = List.copyOf(branches);
    }

    /** An edge to another state of the same flow, with its label ({@code Default}, a rule, the errors caught). */
    public record Transition(String target, String label) {}
}
