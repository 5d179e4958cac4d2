package io.stateway.orchestrator.api;

import io.stateway.orchestrator.StepFunctionsException;

/**
 * AWS's rules for the names of state machines, executions and activities: besides the length
 * (1-80, a model constraint), a name must not contain white space, brackets {@code < > { } [ ]},
 * wildcards {@code ? *}, the characters {@code " # % \ ^ | ~ ` $ & , ; : /} or control characters
 * (U+0000-001F, U+007F-009F). Colons in particular would make ARNs ambiguous.
 */
public final class Names {

    private static final String FORBIDDEN = " <>{}[]?*\"#%\\^|~`$&,;:/";

    private Names() {}

    /** Throws {@code InvalidName} unless the name follows the rules. */
    public static void check(String name) {
        if (!isValid(name)) {
            throw new StepFunctionsException("InvalidName", "Invalid Name: '" + name + "'");
        }
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 80) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (FORBIDDEN.indexOf(c) >= 0
                    || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)
                    || c <= 0x1F
                    || (c >= 0x7F && c <= 0x9F)) {
                return false;
            }
        }
        return true;
    }
}
