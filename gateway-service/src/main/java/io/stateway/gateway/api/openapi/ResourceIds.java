package io.stateway.gateway.api.openapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Resource ids, derived from the API id and the resource path so that a resource keeps its id across
 * updates and deployments of the API (as it does on AWS, where resources are updated in place).
 */
public final class ResourceIds {

    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private ResourceIds() {}

    /** A 10-character id for the root resource, a 6-character one for the others (AWS's lengths). */
    public static String of(String apiId, String path) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest((apiId + " " + path).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        int length = path.equals("/") ? 10 : 6;
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return id.toString();
    }
}
