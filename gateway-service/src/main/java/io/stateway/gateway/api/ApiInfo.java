package io.stateway.gateway.api;

import java.util.Objects;

/**
 * The API's {@code info} object.
 *
 * @param title the API's name
 * @param description free text, may be empty
 * @param version the document's version string, may be empty
 */
public record ApiInfo(String title, String description, String version) {

    public ApiInfo {
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
        version = version == null ? "" : version;
    }
}
