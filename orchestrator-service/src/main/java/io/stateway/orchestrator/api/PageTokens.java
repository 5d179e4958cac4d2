package io.stateway.orchestrator.api;

import io.stateway.orchestrator.StepFunctionsException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque {@code nextToken}s for keyset pagination: the kind of listing and the sort key of the
 * last item returned, base64url-encoded. A token of another listing, or one that is not ours, is
 * {@code InvalidToken}.
 */
public final class PageTokens {

    /** ListX's {@code maxResults} when it is absent or 0, as AWS. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private static final char SEPARATOR = '\n';

    private PageTokens() {}

    /** A token for the page after the item with these sort key parts (which hold no line feeds). */
    public static String encode(String kind, String... keyParts) {
        String text = kind + SEPARATOR + String.join(String.valueOf(SEPARATOR), keyParts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key parts of a token of this kind, or {@code InvalidToken}. */
    public static List<String> decode(String kind, String token, int keyParts) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        List<String> parts = Arrays.asList(text.split(String.valueOf(SEPARATOR), -1));
        if (parts.size() != keyParts + 1 || !parts.getFirst().equals(kind)) {
            throw invalid();
        }
        return parts.subList(1, parts.size());
    }

    /** The page size for a validated {@code maxResults}. */
    public static int pageSize(Integer maxResults) {
        return maxResults == null || maxResults == 0 ? DEFAULT_PAGE_SIZE : maxResults;
    }

    public static StepFunctionsException invalid() {
        return new StepFunctionsException("InvalidToken", "Invalid Token: 'Invalid token'");
    }
}
