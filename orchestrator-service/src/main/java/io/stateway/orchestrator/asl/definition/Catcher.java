package io.stateway.orchestrator.asl.definition;

import io.stateway.orchestrator.asl.expr.ResultPathExpression;
import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import io.stateway.orchestrator.asl.state.Assign;
import java.util.List;

/**
 * One element of a {@code Catch} list.
 *
 * @param resultPath where the error output goes in JSONPath states ({@code null}: {@code $})
 * @param output the JSONata {@code Output}, or {@code null} for the error output itself
 * @param assign variables to assign when this catcher fires, or {@code null}
 */
public record Catcher(
        List<String> errorEquals, String next, ResultPathExpression resultPath, JsonataTemplate output, Assign assign) {

    public Catcher {
        errorEquals = List.copyOf(errorEquals);
    }

    public boolean matches(String error) {
        return ErrorMatch.matches(errorEquals, error);
    }
}
