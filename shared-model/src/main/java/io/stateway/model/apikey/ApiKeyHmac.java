package io.stateway.model.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-way form API keys are stored and looked up in: HMAC-SHA256 of the key's UTF-8 bytes under
 * the server's pepper. The authorizer-service stores it, the gateway computes it for each presented
 * key, so both must use this class and the same pepper. A pepper is a secret of at least 32
 * characters that never reaches the database: a stolen table alone does not let anyone test
 * guesses.
 */
public final class ApiKeyHmac {

    /** The shortest pepper accepted. */
    public static final int MIN_PEPPER_LENGTH = 32;

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec pepper;

    /**
     * An initialised {@link Mac} per thread, reused: {@code doFinal} leaves it ready for the next key. Looking
     * the algorithm's provider up and initialising a new one per key cost three times the hash itself (the
     * gateway hashes every presented key, on a few event-loop threads).
     */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    private ApiKeyHmac(SecretKeySpec pepper) {
        this.pepper = pepper;
    }

    /** @throws IllegalArgumentException if the pepper is shorter than {@link #MIN_PEPPER_LENGTH} */
    public static ApiKeyHmac withPepper(String pepper) {
        if (pepper == null || pepper.length() < MIN_PEPPER_LENGTH) {
            throw new IllegalArgumentException(
                    "the API key pepper must have at least " + MIN_PEPPER_LENGTH + " characters");
        }
        return new ApiKeyHmac(new SecretKeySpec(pepper.getBytes(StandardCharsets.UTF_8), ALGORITHM));
    }

    /** The 32-byte HMAC of a key. Thread-safe (a {@link Mac} per thread). */
    public byte[] hash(String apiKey) {
        return macs.get().doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(pepper);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
