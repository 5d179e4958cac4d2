package io.stateway.gateway.routing;

import io.stateway.gateway.api.IntegrationResponse;
import io.stateway.gateway.vtl.VtlTemplate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An integration response with its selection pattern and templates compiled.
 *
 * @param definition as declared
 * @param pattern the compiled selection pattern; empty for the default response
 * @param templates compiled response templates by content type, in document order
 */
public record CompiledIntegrationResponse(
        IntegrationResponse definition, Optional<Pattern> pattern, Map<String, VtlTemplate> templates) {

    public CompiledIntegrationResponse {
        templates = Collections.unmodifiableMap(new LinkedHashMap<>(templates));
    }

    /** Whether the pattern matches the whole value (Java regular expression semantics, as on AWS). */
    public boolean matches(String value) {
        return pattern.isPresent() && pattern.get().matcher(value).matches();
    }
}
