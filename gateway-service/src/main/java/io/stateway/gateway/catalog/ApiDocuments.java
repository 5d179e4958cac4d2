package io.stateway.gateway.catalog;

import io.stateway.gateway.api.openapi.DocumentChecks;
import io.stateway.gateway.api.openapi.ImportedApi;
import io.stateway.gateway.api.openapi.OpenApiImporter;
import io.stateway.gateway.validation.ModelSchemas;
import io.stateway.gateway.vtl.VtlEngine;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads API documents with the checks of the engines that will run them (VTL, JSON Schema, regex). */
@Component
public class ApiDocuments {

    private final OpenApiImporter importer;

    public ApiDocuments(VtlEngine templates) {
        this.importer = new OpenApiImporter(new DocumentChecks() {
            @Override
            public Optional<String> templateProblem(String template) {
                return templates.problem(template);
            }

            @Override
            public Optional<String> modelProblem(String name, Map<String, JsonNode> models) {
                return ModelSchemas.problem(name, models);
            }

            @Override
            public Optional<String> patternProblem(String pattern) {
                try {
                    Pattern.compile(pattern);
                    return Optional.empty();
                } catch (PatternSyntaxException e) {
                    return Optional.of(e.getDescription() + " near index " + e.getIndex());
                }
            }
        });
    }

    /**
     * @throws io.stateway.gateway.api.openapi.InvalidApiDocumentException with every problem found
     */
    public ImportedApi read(String document, String apiId, boolean failOnWarnings) {
        return importer.read(document, apiId, failOnWarnings);
    }
}
