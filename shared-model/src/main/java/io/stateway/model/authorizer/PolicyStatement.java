package io.stateway.model.authorizer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * One statement of an authorizer's policy: {@code {"Action": "execute-api:Invoke", "Effect":
 * "Allow", "Resource": ["arn:aws:execute-api:..."]}}. As in IAM, {@code Action} and {@code
 * Resource} may be one string or an array; they are always read into lists.
 *
 * @param action e.g. {@code execute-api:Invoke}; at least one
 * @param effect allow or deny
 * @param resource method ARNs, possibly with {@code *} and {@code ?} wildcards; at least one
 */
public record PolicyStatement(
        @JsonProperty("Action") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> action,

        @JsonProperty("Effect") Effect effect,

        @JsonProperty("Resource") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<String> resource) {

    public PolicyStatement {
        Objects.requireNonNull(effect, "Effect");
        if (action == null || action.isEmpty()) {
            throw new IllegalArgumentException("a policy statement needs an Action");
        }
        if (resource == null || resource.isEmpty()) {
            throw new IllegalArgumentException("a policy statement needs a Resource");
        }
        action = List.copyOf(action);
        resource = List.copyOf(resource);
    }

    /** The two effects, spelt on the wire as IAM spells them. */
    public enum Effect {
        @JsonProperty("Allow")
        ALLOW,
        @JsonProperty("Deny")
        DENY
    }
}
