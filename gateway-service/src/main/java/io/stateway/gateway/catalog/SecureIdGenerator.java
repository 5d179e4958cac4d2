package io.stateway.gateway.catalog;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/** Ids from {@link SecureRandom}. */
@Component
class SecureIdGenerator implements IdGenerator {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final SecureRandom random = new SecureRandom();

    @Override
    public String id(int length) {
        return draw(LOWER, length);
    }

    private String draw(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
