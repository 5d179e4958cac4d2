package io.stateway.authorizer.apikey;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.web.AuthorizerException;
import io.stateway.model.apikey.ApiKeyHmac;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * Makes API key values and their stored form. A generated key is the configured visible prefix and 40
 * random letters and digits (about 238 bits); an imported one (AWS allows bringing your own) must
 * have 20 to 128 printable characters.
 */
@Component
class ApiKeyValues {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_CHARACTERS = 40;
    private static final int SHOWN_CHARACTERS = 4;

    private final SecureRandom random = new SecureRandom();
    /** Null without a configured pepper: then no key can be made. */
    private final ApiKeyHmac hmac;

    private final String prefix;

    ApiKeyValues(AuthorizerProperties properties) {
        String pepper = properties.apiKeys().pepper();
        this.hmac = pepper.isEmpty() ? null : ApiKeyHmac.withPepper(pepper);
        this.prefix = properties.apiKeys().valuePrefix();
    }

    String generate() {
        StringBuilder key = new StringBuilder(prefix);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return key.toString();
    }

    /** Checks a key brought by the caller. */
    static String imported(String value) {
        if (value.length() < 20 || value.length() > 128 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw AuthorizerException.badRequest("An API key must have 20 to 128 printable ASCII characters");
        }
        return value;
    }

    byte[] hash(String value) {
        if (hmac == null) {
            throw new AuthorizerException(
                    AuthorizerException.Code.ServiceUnavailableException,
                    "API keys need a pepper: set stateway.authorizer.api-keys.pepper (and the gateway's"
                            + " stateway.gateway.authorizer.api-key-pepper) to the same secret");
        }
        return hmac.hash(value);
    }

    /** What listings show of a key: the configured prefix and a few characters more, or an imported key's start. */
    String visiblePrefix(String value) {
        int shown = value.startsWith(prefix) ? prefix.length() + SHOWN_CHARACTERS : SHOWN_CHARACTERS;
        return value.substring(0, Math.min(shown, 12));
    }
}
