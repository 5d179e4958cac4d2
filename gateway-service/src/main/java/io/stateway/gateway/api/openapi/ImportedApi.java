package io.stateway.gateway.api.openapi;

import io.stateway.gateway.api.RestApi;
import java.util.List;

/**
 * A document that was accepted.
 *
 * @param api what it declares
 * @param warnings the problems that did not refuse it
 */
public record ImportedApi(RestApi api, List<ApiFinding> warnings) {

    public ImportedApi {
        warnings = List.copyOf(warnings);
    }
}
