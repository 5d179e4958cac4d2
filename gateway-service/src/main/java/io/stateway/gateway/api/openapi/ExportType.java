package io.stateway.gateway.api.openapi;

import java.util.Locale;
import java.util.Optional;

/** The document versions an API is exported as (AWS's exportType). */
public enum ExportType {
    OAS30,
    SWAGGER;

    public static Optional<ExportType> parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "oas30", "openapi", "openapi3" -> Optional.of(OAS30);
            case "swagger", "swagger2" -> Optional.of(SWAGGER);
            default -> Optional.empty();
        };
    }
}
