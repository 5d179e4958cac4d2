package io.stateway.gateway.conformance;

import java.util.List;

/**
 * How a case went.
 *
 * @param testCase the case
 * @param failures one line per request that differed (or per setup step that failed); empty when it passed
 */
public record CaseResult(ApigwCase testCase, List<String> failures) {

    public CaseResult {
        failures = List.copyOf(failures);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
