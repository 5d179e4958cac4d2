package io.stateway.gateway.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which mapping template of a set applies. */
final class TemplateSelection {

    private TemplateSelection() {}

    /** The media type of a Content-Type or Accept value, without parameters, lower case. */
    static String mediaType(String value) {
        return value.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** A request template: the one of the request's content type (application/json if none), else {@code $default}. */
    static <T> Optional<Map.Entry<String, T>> forRequest(Map<String, T> templates, Optional<String> contentType) {
        String type = contentType
                .map(TemplateSelection::mediaType)
                .filter(t -> !t.isEmpty())
                .orElse("application/json");
        for (Map.Entry<String, T> entry : templates.entrySet()) {
            if (mediaType(entry.getKey()).equals(type)) {
                return Optional.of(entry);
            }
        }
        return Optional.ofNullable(templates.get("$default")).map(t -> Map.entry("$default", t));
    }

    /** A response template: the one of the client's Accept type, else application/json, else the first. */
    static <T> Optional<Map.Entry<String, T>> forResponse(Map<String, T> templates, Optional<String> accept) {
        if (templates.isEmpty()) {
            return Optional.empty();
        }
        if (accept.isPresent()) {
            String type = mediaType(accept.get().split(",", 2)[0]);
            for (Map.Entry<String, T> entry : templates.entrySet()) {
                if (mediaType(entry.getKey()).equals(type)) {
                    return Optional.of(entry);
                }
            }
        }
        if (templates.containsKey("application/json")) {
            return Optional.of(Map.entry("application/json", templates.get("application/json")));
        }
        return templates.entrySet().stream().findFirst();
    }
}
