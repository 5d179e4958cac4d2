package io.stateway.orchestrator.api;

import io.stateway.orchestrator.StepFunctionsException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Step Functions ARN taken apart: {@code arn:<partition>:states:<region>:<account>:<type>:<resource
 * parts...>}, such as {@code arn:aws:states:us-east-1:123456789012:stateMachine:Orders:2}. Parsing
 * only checks the form; whether the resource exists (and is in this service's region and account)
 * is the caller's question.
 *
 * @param text the ARN as given
 * @param resourceType {@code stateMachine}, {@code execution}, {@code express}, {@code activity}, ...
 * @param resource the colon-separated parts after the type, none of them empty
 */
public record StatesArn(
        String text, String partition, String region, String account, String resourceType, List<String> resource) {

    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    public StatesArn {
        resource = List.copyOf(resource);
    }

    /** Parses an ARN, or throws {@code InvalidArn}. */
    public static StatesArn parse(String arn) {
        if (arn == null || !arn.startsWith("arn:")) {
            throw invalid("Invalid ARN prefix: " + arn);
        }
        String[] parts = arn.split(":", -1);
        if (parts.length < 7 || Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw invalid("Invalid ARN: " + arn);
        }
        if (!"states".equals(parts[2])) {
            throw invalid("Invalid ARN service: " + parts[2]);
        }
        if (!ACCOUNT.matcher(parts[4]).matches()) {
            throw invalid("Invalid account id: " + parts[4]);
        }
        return new StatesArn(
                arn,
                parts[1],
                parts[3],
                parts[4],
                parts[5],
                Arrays.asList(parts).subList(6, parts.length));
    }

    /** Parses an ARN that must be of one of these resource types, or throws {@code InvalidArn}. */
    public static StatesArn parse(String arn, String... allowedTypes) {
        StatesArn parsed = parse(arn);
        if (!List.of(allowedTypes).contains(parsed.resourceType())) {
            throw invalid("Resource type not valid in this context: "
                    + parsed.resourceType().toLowerCase(Locale.ROOT));
        }
        return parsed;
    }

    /** The {@code InvalidArn} error, with AWS's wording around the reason. */
    public static StepFunctionsException invalid(String reason) {
        return new StepFunctionsException("InvalidArn", "Invalid Arn: '" + reason + "'");
    }
}
