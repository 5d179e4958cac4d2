package io.stateway.gateway.mapping;

import io.stateway.gateway.api.ContentHandling;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Binary media types and content handling: which payloads are binary, and the conversions between a binary
 * payload and its base64 text.
 */
public final class BinaryPayloads {

    private BinaryPayloads() {}

    /**
     * Whether a Content-Type (or the first Accept value) is one of the API's binary media types: an exact
     * type, or a {@code type/*} entry; {@code *}{@code /*} makes every type binary.
     */
    public static boolean isBinary(Optional<String> mediaType, List<String> binaryMediaTypes) {
        if (mediaType.isEmpty() || binaryMediaTypes.isEmpty()) {
            return false;
        }
        String first = TemplateSelection.mediaType(mediaType.get().split(",", 2)[0]);
        int slash = first.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String type = first.substring(0, slash);
        String subtype = first.substring(slash + 1);
        for (String entry : binaryMediaTypes) {
            String candidate = TemplateSelection.mediaType(entry);
            if (candidate.equals("*/*")) {
                return true;
            }
            int separator = candidate.indexOf('/');
            if (separator < 0 || candidate.startsWith("*")) {
                continue;
            }
            String candidateType = candidate.substring(0, separator);
            String candidateSubtype = candidate.substring(separator + 1);
            if (candidateType.equals(type) && (candidateSubtype.equals("*") || candidateSubtype.equals(subtype))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Converts a payload on its way through a non-proxy integration.
     *
     * @param binary whether the payload is of a binary media type
     * @param handling the conversion asked for; none passes the payload as it is
     * @return the payload to pass on
     */
    static byte[] convert(byte[] payload, boolean binary, Optional<ContentHandling> handling) {
        if (handling.isEmpty()) {
            return payload;
        }
        return switch (handling.get()) {
            case CONVERT_TO_TEXT -> binary ? Base64.getEncoder().encode(payload) : payload;
            case CONVERT_TO_BINARY -> binary ? payload : decode(payload);
        };
    }

    private static byte[] decode(byte[] base64) {
        try {
            return Base64.getMimeDecoder().decode(new String(base64, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }
}
