package io.stateway.gateway.catalog;

import io.stateway.gateway.api.openapi.ApiFinding;
import java.time.Instant;
import java.util.List;

/**
 * An API as the admin API lists it.
 *
 * @param id the API's id (the first label of its {@code <id>.execute-api.<domain>} host)
 * @param name its title
 * @param description its description
 * @param endpointType EDGE, REGIONAL or PRIVATE, as created
 * @param sourceFile the file it was loaded from at start-up, or null
 * @param createdDate when it was created
 * @param updatedDate when its document last changed
 * @param warnings what the last import reported without refusing the document
 */
public record ApiDescription(
        String id,
        String name,
        String description,
        String endpointType,
        String sourceFile,
        Instant createdDate,
        Instant updatedDate,
        List<ApiFinding> warnings) {}
