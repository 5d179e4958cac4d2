package io.stateway.orchestrator.asl.definition;

import io.stateway.orchestrator.asl.jsonata.JsonataTemplate;
import io.stateway.orchestrator.asl.state.Assign;
import io.stateway.orchestrator.asl.state.State;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Builds the immutable {@link StateMachine} from a definition that the validator accepted; every
 * path, template and expression is compiled here, once, so running a state never parses anything.
 */
public final class DefinitionParser {

    private DefinitionParser() {}

    /**
     * @throws IllegalArgumentException if the definition is not a valid state machine (validate
     *     first: the validator reports every problem with its location)
     */
    public static StateMachine parse(JsonNode definition) {
        QueryLanguage language = definition.has("QueryLanguage")
                ? QueryLanguage.of(definition.get("QueryLanguage").asString())
                : QueryLanguage.JSONPATH;
        Flow flow = flow(definition, language);
        JsonNode timeout = definition.get("TimeoutSeconds");
        return new StateMachine(
                text(definition, "Comment"),
                flow,
                language,
                timeout == null || !timeout.isNumber() ? null : timeout.longValue(),
                text(definition, "Version"));
    }

    /**
     * A {@code StartAt} and {@code States} block; a state without {@code QueryLanguage} uses the
     * machine's top-level language, however deeply it is nested.
     */
    static Flow flow(JsonNode block, QueryLanguage language) {
        Map<String, State> states = new LinkedHashMap<>();
        for (var property : block.path("States").properties()) {
            states.put(property.getKey(), StateParser.parse(property.getKey(), property.getValue(), language));
        }
        return new Flow(block.path("StartAt").asString(), states);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    static QueryLanguage language(JsonNode state, QueryLanguage inherited) {
        return state.has("QueryLanguage")
                ? QueryLanguage.of(state.get("QueryLanguage").asString())
                : inherited;
    }

    static Assign assign(JsonNode state, QueryLanguage language, String field) {
        JsonNode assign = state.get("Assign");
        if (assign == null) {
            return null;
        }
        return language == QueryLanguage.JSONATA
                ? new Assign.Jsonata(JsonataTemplate.compile(assign, field))
                : new Assign.JsonPath(JsonPathExpressions.payload(assign, field));
    }
}
