package io.stateway.model.authorizer;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The IAM-style policy an authorizer returns, with AWS's capitalised field names: {@code
 * {"Version": "2012-10-17", "Statement": [...]}}.
 *
 * @param version the policy language version, {@value #VERSION} in practice
 * @param statement at least one statement; as in IAM, one statement object is read as a list of one
 */
public record PolicyDocument(
        @JsonProperty("Version") String version,

        @JsonProperty("Statement") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        List<PolicyStatement> statement) {

    /** The IAM policy language version AWS's examples and blueprints use. */
    public static final String VERSION = "2012-10-17";

    public PolicyDocument {
        Objects.requireNonNull(version, "Version");
        if (statement == null || statement.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one Statement");
        }
        statement = List.copyOf(statement);
    }
}
