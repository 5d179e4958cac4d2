package io.stateway.orchestrator.api;

import io.stateway.orchestrator.StepFunctionsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a request against the constraints of AWS's API model (required members, lengths, ranges,
 * enums, patterns) and reports every broken one in one {@code ValidationException}, worded as AWS
 * words it: {@code 2 validation errors detected: Value null at 'name' failed to satisfy
 * constraint: Member must not be null; Value '1001' at 'maxResults' failed to satisfy constraint:
 * Member must have value less than or equal to 1000}. Sensitive members (definitions, inputs,
 * outputs) are reported without their value, as AWS does.
 */
public final class Violations {

    private final List<String> found = new ArrayList<>();

    public Violations required(String member, Object value) {
        if (value == null) {
            found.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** The length of a string member, reporting its value. */
    public Violations length(String member, String value, int min, int max) {
        return checkLength(member, value, min, max, true);
    }

    /** The length of a sensitive string member, which is reported without its value. */
    public Violations sensitiveLength(String member, String value, int min, int max) {
        return checkLength(member, value, min, max, false);
    }

    /** The number of entries of a list member; {@code rendered} is how AWS prints the list's value. */
    public Violations size(String member, Collection<?> value, int min, int max, String rendered) {
        if (value != null && value.size() > max) {
            violated(member, rendered, "Member must have length less than or equal to " + max);
        } else if (value != null && value.size() < min) {
            violated(member, rendered, "Member must have length greater than or equal to " + min);
        }
        return this;
    }

    public Violations range(String member, Number value, long min, long max) {
        if (value != null && value.longValue() > max) {
            violated(member, String.valueOf(value), "Member must have value less than or equal to " + max);
        } else if (value != null && value.longValue() < min) {
            violated(member, String.valueOf(value), "Member must have value greater than or equal to " + min);
        }
        return this;
    }

    /** An enum member, with its values in the order AWS lists them. */
    public Violations oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            violated(member, value, "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
        }
        return this;
    }

    public Violations pattern(String member, String value, Pattern pattern) {
        if (value != null && !pattern.matcher(value).matches()) {
            violated(member, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
        return this;
    }

    /** Throws the ValidationException for everything found, if anything was. */
    public void throwIfAny() {
        if (found.isEmpty()) {
            return;
        }
        String count = found.size() == 1 ? "1 validation error" : found.size() + " validation errors";
        throw StepFunctionsException.validation(count + " detected: " + String.join("; ", found));
    }

    private Violations checkLength(String member, String value, int min, int max, boolean showValue) {
        if (value == null) {
            return this;
        }
        int length = value.length();
        String constraint = length > max
                ? "Member must have length less than or equal to " + max
                : length < min ? "Member must have length greater than or equal to " + min : null;
        if (constraint != null) {
            if (showValue) {
                violated(member, value, constraint);
            } else {
                found.add("Value at '" + member + "' failed to satisfy constraint: " + constraint);
            }
        }
        return this;
    }

    private void violated(String member, String value, String constraint) {
        found.add("Value '" + value + "' at '" + member + "' failed to satisfy constraint: " + constraint);
    }
}
