package io.stateway.model.authorizer;

import io.stateway.model.authorizer.PolicyStatement.Effect;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decides whether an IAM-style policy lets a caller perform an action on a resource, by IAM's rules
 * for the parts API Gateway uses: a statement applies when one of its actions and one of its
 * resources match; an applying {@code Deny} wins over any {@code Allow}; nothing applying is a
 * deny.
 *
 * <p>Patterns use IAM's wildcards: {@code *} matches any run of characters ({@code /} and {@code :}
 * included) and {@code ?} exactly one. Actions compare case-insensitively ({@code execute-api:invoke}
 * is {@code execute-api:Invoke}), resources (ARNs with paths) case-sensitively. Matching is linear
 * in the lengths involved, with no regular expressions, so a hostile pattern cannot make it slow.
 *
 * <p>Pure and stateless: the gateway evaluates a cached authorizer policy against each request's
 * method ARN with it, and the authorizer-service evaluates SigV4 principals' policies.
 */
public final class PolicyEvaluator {

    /** The action of calling an API method. */
    public static final String INVOKE = "execute-api:Invoke";

    private PolicyEvaluator() {}

    /** The outcome of an evaluation; only {@link #ALLOW} lets the call through. */
    public enum Decision {
        /** An {@code Allow} statement applies and no {@code Deny} does. */
        ALLOW,
        /** A {@code Deny} statement applies. */
        EXPLICIT_DENY,
        /** No statement applies. */
        IMPLICIT_DENY;

        public boolean allowed() {
            return this == ALLOW;
        }
    }

    /** Whether {@code policy} allows {@code execute-api:Invoke} on {@code methodArn}. */
    public static Decision evaluateInvoke(PolicyDocument policy, String methodArn) {
        return evaluate(policy, INVOKE, methodArn);
    }

    /** Whether any of {@code policies} allows the call and none denies it. */
    public static Decision evaluate(List<PolicyDocument> policies, String action, String resource) {
        Decision result = Decision.IMPLICIT_DENY;
        for (PolicyDocument policy : policies) {
            Decision decision = evaluate(policy, action, resource);
            if (decision == Decision.EXPLICIT_DENY) {
                return decision;
            }
            if (decision == Decision.ALLOW) {
                result = decision;
            }
        }
        return result;
    }

    /** Whether {@code policy} allows {@code action} on {@code resource}. */
    public static Decision evaluate(PolicyDocument policy, String action, String resource) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        boolean allowed = false;
        for (PolicyStatement statement : policy.statement()) {
            if (!applies(statement, action, resource)) {
                continue;
            }
            if (statement.effect() == Effect.DENY) {
                return Decision.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static boolean applies(PolicyStatement statement, String action, String resource) {
        String lowerAction = action.toLowerCase(Locale.ROOT);
        boolean actionMatches =
                statement.action().stream().anyMatch(pattern -> matches(pattern.toLowerCase(Locale.ROOT), lowerAction));
        return actionMatches && statement.resource().stream().anyMatch(pattern -> matches(pattern, resource));
    }

    /**
     * IAM wildcard matching: {@code *} any run of characters, {@code ?} one character. Greedy with
     * one back-tracking point (the last {@code *}), which is enough for globs and stays linear-ish
     * (O(pattern × text) at worst).
     */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int starText = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starText = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++starText;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
