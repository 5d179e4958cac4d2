package io.stateway.gateway.catalog;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Ids and keys from {@link SecureRandom}. */
@Component
class SecureIdGenerator implements IdGenerator {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String MIXED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    @Override
    public String id(int length) {
        return draw(LOWER, length);
    }

    @Override
    public String apiKeyValue() {
        // 40 characters of 62: about 238 bits, as long as AWS's keys.
        return draw(MIXED, 40);
    }

    private String draw(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
