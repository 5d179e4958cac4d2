package io.stateway.authorizer.secrets;

import io.stateway.authorizer.AuthorizerProperties;
import io.stateway.authorizer.web.AuthorizerException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Encrypts secrets at rest with AES-256-GCM under the configured master key: a fresh 96-bit nonce
 * per secret, a 128-bit tag, and associated data that binds the ciphertext to its owner (a secret
 * copied to another row does not open).
 */
@Component
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretBox(AuthorizerProperties properties) {
        String configured = properties.credentials().masterKey();
        if (configured.isEmpty()) {
            this.key = null;
            return;
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stateway.authorizer.credentials.master-key must be base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(
                    "stateway.authorizer.credentials.master-key must be 32 bytes (base64), not " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /** A sealed secret. */
    public record Sealed(byte[] nonce, byte[] ciphertext) {}

    public Sealed seal(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            return new Sealed(nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws GeneralSecurityException when the ciphertext, nonce, owner or master key do not match */
    public byte[] open(Sealed sealed, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, sealed.nonce()));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(sealed.ciphertext());
    }

    public boolean configured() {
        return key != null;
    }

    private SecretKeySpec key() {
        if (key == null) {
            throw new AuthorizerException(
                    AuthorizerException.Code.ServiceUnavailableException,
                    "Access keys need a master key: set stateway.authorizer.credentials.master-key");
        }
        return key;
    }
}
