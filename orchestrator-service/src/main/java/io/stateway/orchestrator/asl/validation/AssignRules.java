package io.stateway.orchestrator.asl.validation;

import io.stateway.orchestrator.asl.definition.QueryLanguage;
import io.stateway.orchestrator.asl.json.Json;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/**
 * {@code Assign} (on states, choice rules and catchers): an object whose keys are variable names.
 * A name follows Unicode identifier rules (UAX #31, plus a leading underscore, which AWS's examples
 * use) and cannot be the reserved {@code states}; in JSONPath a key ending in {@code .$} names the
 * variable without its suffix and takes a path or intrinsic. AWS caps the assigned data at 256 KiB
 * per Assign; a definition whose literal Assign already exceeds that can never run, so it is
 * reported here. The wording of these three messages is ours: AWS's is not recorded.
 */
final class AssignRules {

    static final int MAX_ASSIGN_BYTES = 256 * 1024;

    private AssignRules() {}

    static void check(Inspection in, JsonNode assign, Location at, QueryLanguage language) {
        if (!assign.isObject()) {
            in.schema(Fields.typeMessage("Object"), at);
            return;
        }
        for (String key : assign.propertyNames()) {
            String name = language == QueryLanguage.JSONPATH && PayloadTemplates.isDynamicKey(key)
                    ? key.substring(0, key.length() - 2)
                    : key;
            if (name.equals("states")) {
                in.schema("The variable name 'states' is reserved", at);
            } else if (!isVariableName(name)) {
                in.schema("The variable name '" + name + "' is not valid", at);
            }
        }
        if (language == QueryLanguage.JSONPATH) {
            PayloadTemplates.check(in, assign, at);
        } else {
            JsonataExpressions.checkTemplate(in, assign, "Assign", at);
        }
        if (Json.text(assign).getBytes(StandardCharsets.UTF_8).length > MAX_ASSIGN_BYTES) {
            in.schema("The field 'Assign' exceeds the maximum size of " + MAX_ASSIGN_BYTES + " bytes", at);
        }
    }

    static boolean isVariableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!(first == '_' || Character.isUnicodeIdentifierStart(first))) {
            return false;
        }
        return name.codePoints()
                .skip(1)
                .allMatch(cp -> Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
    }
}
