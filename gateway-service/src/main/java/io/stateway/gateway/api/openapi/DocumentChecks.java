package io.stateway.gateway.api.openapi;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks that need the engines that will run the document: VTL templates must compile, models must be
 * valid JSON Schema. The importer reports what they find, at the place it was found.
 */
public interface DocumentChecks {

    /** Why the mapping template does not compile, if it does not. */
    Optional<String> templateProblem(String template);

    /** Why the model named {@code name} is not a usable draft-04 schema, given all the API's models. */
    Optional<String> modelProblem(String name, Map<String, JsonNode> models);

    /** Why the selection pattern is not a valid regular expression, if it is not. */
    Optional<String> patternProblem(String pattern);
}
