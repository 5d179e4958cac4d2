package io.stateway.gateway.catalog;

import io.stateway.gateway.GatewayProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hashes API keys with HMAC-SHA256 under the server's pepper, so that the catalog never holds a key.
 * The pepper is {@code stateway.gateway.api-keys.pepper}, or one generated once and shared by all
 * replicas through the gateway's schema.
 */
@Component
public class ApiKeyHasher {

    private static final String PEPPER = "api-key-pepper";

    private final JdbcClient jdbc;
    private final String configured;
    private volatile SecretKeySpec key;

    ApiKeyHasher(JdbcClient jdbc, GatewayProperties properties) {
        this.jdbc = jdbc;
        this.configured = properties.apiKeys().pepper();
    }

    public byte[] hash(String apiKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return mac.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            byte[] pepper = configured.isEmpty() ? storedPepper() : configured.getBytes(StandardCharsets.UTF_8);
            current = new SecretKeySpec(pepper, "HmacSHA256");
            key = current;
        }
        return current;
    }

    private byte[] storedPepper() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        jdbc.sql("INSERT INTO server_secret (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING")
                .param("name", PEPPER)
                .param("value", fresh)
                .update();
        return jdbc.sql("SELECT value FROM server_secret WHERE name = :name")
                .param("name", PEPPER)
                .query(byte[].class)
                .single();
    }
}
