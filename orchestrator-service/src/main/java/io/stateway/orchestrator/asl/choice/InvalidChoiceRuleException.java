package io.stateway.orchestrator.asl.choice;

/**
 * A Choice rule that cannot be compiled: raised while a definition is loaded or validated, never while it runs.
 * {@link #location()} points into the rule ({@code /And/1/Variable}; empty for the rule itself).
 */
public final class InvalidChoiceRuleException extends RuntimeException {

    private final String location;

    InvalidChoiceRuleException(String location, String message) {
        super(message);
        this.location = location;
    }

    /** A JSON pointer relative to the rule passed to {@link ChoiceRule#parse} or {@link Condition#parse}. */
    public String location() {
        return location;
    }
}
