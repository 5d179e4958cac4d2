package io.stateway.authorizer.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.stateway.authorizer.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token endpoint's RS256 keys: generated once (under an advisory lock, so replicas starting
 * together make one), kept in the schema with the private half sealed, shared by every replica. The
 * oldest key signs; all are published in the JWKS.
 */
final class SigningKeys {

    /** Serialises key generation across replicas (an arbitrary constant of this service). */
    private static final long LOCK = 0x5374_6174_6577_6179L;

    private final List<RSAKey> keys;

    SigningKeys(JdbcClient jdbc, TransactionTemplate transactions, SecretBox box, Clock clock) {
        if (!box.configured()) {
            throw new IllegalStateException("stateway.authorizer.token-endpoint.enabled needs"
                    + " stateway.authorizer.credentials.master-key: the signing key is stored sealed with it");
        }
        this.keys = transactions.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                    .param("lock", LOCK)
                    .query()
                    .singleRow();
            List<RSAKey> stored = load(jdbc, box);
            if (stored.isEmpty()) {
                generate(jdbc, box, clock);
                stored = load(jdbc, box);
            }
            return stored;
        });
    }

    /** The key that signs new tokens. */
    RSAKey signing() {
        return keys.getFirst();
    }

    /** Every key's public half, for {@code /oauth2/jwks}. */
    JWKSet published() {
        return new JWKSet(keys.stream()
                .map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                .toList());
    }

    private static void generate(JdbcClient jdbc, SecretBox box, Clock clock) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String kid = UUID.randomUUID().toString();
            SecretBox.Sealed sealed = box.seal(pair.getPrivate().getEncoded(), kid.getBytes(StandardCharsets.UTF_8));
            jdbc.sql("""
                            INSERT INTO token_signing_key (kid, public_key, private_nonce, private_ciphertext, created_at)
                            VALUES (:kid, :publicKey, :nonce, :ciphertext, :createdAt)""")
                    .param("kid", kid)
                    .param("publicKey", pair.getPublic().getEncoded())
                    .param("nonce", sealed.nonce())
                    .param("ciphertext", sealed.ciphertext())
                    .param("createdAt", Timestamp.from(clock.instant()))
                    .update();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static List<RSAKey> load(JdbcClient jdbc, SecretBox box) {
        return jdbc.sql("""
                        SELECT kid, public_key, private_nonce, private_ciphertext FROM token_signing_key
                        ORDER BY created_at, kid""")
                .query((rs, row) -> {
                    String kid = rs.getString("kid");
                    try {
                        KeyFactory rsa = KeyFactory.getInstance("RSA");
                        RSAPublicKey publicKey =
                                (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
                        byte[] pkcs8 = box.open(
                                new SecretBox.Sealed(rs.getBytes("private_nonce"), rs.getBytes("private_ciphertext")),
                                kid.getBytes(StandardCharsets.UTF_8));
                        RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                        return new RSAKey.Builder(publicKey)
                                .privateKey(privateKey)
                                .keyID(kid)
                                .keyUse(KeyUse.SIGNATURE)
                                .algorithm(JWSAlgorithm.RS256)
                                .build();
                    } catch (GeneralSecurityException e) {
                        throw new IllegalStateException(
                                "Token signing key " + kid
                                        + " does not open with the configured master key (was it changed?)",
                                e);
                    }
                })
                .list();
    }
}
