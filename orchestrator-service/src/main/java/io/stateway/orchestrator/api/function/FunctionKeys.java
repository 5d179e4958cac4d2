package io.stateway.orchestrator.api.function;

import io.stateway.orchestrator.StepFunctionsException;
import java.net.URI;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys functions are registered and looked up under: a Lambda function name ({@code
 * [A-Za-z0-9_-]}, 1-64 characters) or a function ARN ({@code
 * arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]}, registered without
 * its qualifier).
 */
final class FunctionKeys {

    static final Duration MAX_TIMEOUT = Duration.ofSeconds(900);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):([0-9]{12}):function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]{1,128})?");

    private FunctionKeys() {}

    /** A parsed key: the unqualified ARN (null for a bare name) and the function name. */
    record Key(String arn, String name) {

        /** How the key is stored: the ARN, or the name. */
        String text() {
            return arn == null ? name : arn;
        }
    }

    static Key parse(String function) {
        if (function != null && NAME.matcher(function).matches()) {
            return new Key(null, function);
        }
        Matcher arn = function == null ? null : ARN.matcher(function);
        if (arn == null || !arn.matches()) {
            throw StepFunctionsException.validation("Not a function name or function ARN: '" + function
                    + "' (names are 1-64 letters, digits, '-' or '_')");
        }
        String name = arn.group(4);
        return new Key(
                "arn:" + arn.group(1) + ":lambda:" + arn.group(2) + ":" + arn.group(3) + ":function:" + name, name);
    }

    /** Endpoints are absolute http(s) URLs. */
    static void checkUrl(URI url) {
        if (url == null
                || !url.isAbsolute()
                || url.getHost() == null
                || !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
            throw StepFunctionsException.validation("The function URL must be an absolute http or https URL: " + url);
        }
    }

    /** A timeout, when given, is positive and at most Lambda's 900 seconds. */
    static void checkTimeout(Duration timeout) {
        if (timeout != null && (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0)) {
            throw StepFunctionsException.validation("A function timeout must be greater than 0 and at most "
                    + MAX_TIMEOUT.toSeconds() + " s: " + timeout);
        }
    }
}
