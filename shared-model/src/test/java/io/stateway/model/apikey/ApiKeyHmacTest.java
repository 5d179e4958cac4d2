package io.stateway.model.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ApiKeyHmacTest {

    private static final String PEPPER = "a-pepper-of-at-least-thirty-two-chars";
    private static final String OPENSSL_HMAC = "428c940ef7ac5bcc23ec6ef40b4c339bf6b884b997ae25154185d02a02d29ebd";

    @Test
    void hash_isHmacSha256OfTheKeyUnderThePepper() {
        // openssl: printf %s 'swk_example' | openssl dgst -sha256 -hmac 'a-pepper-of-at-least-thirty-two-chars'
        assertThat(HexFormat.of().formatHex(ApiKeyHmac.withPepper(PEPPER).hash("swk_example")))
                .isEqualTo(OPENSSL_HMAC);
    }

    @Test
    void hash_afterOtherKeysOnTheSameAndOtherThreads_isStillTheKeysOwnHmac() throws Exception {
        ApiKeyHmac hmac = ApiKeyHmac.withPepper(PEPPER);
        hmac.hash("swk_other");
        hmac.hash("");

        assertThat(HexFormat.of().formatHex(hmac.hash("swk_example"))).isEqualTo(OPENSSL_HMAC);
        CompletableFuture<String> elsewhere =
                CompletableFuture.supplyAsync(() -> HexFormat.of().formatHex(hmac.hash("swk_example")));
        assertThat(elsewhere.get()).isEqualTo(OPENSSL_HMAC);
    }

    @Test
    void hash_underAnotherPepper_differs() {
        assertThat(ApiKeyHmac.withPepper(PEPPER + "x").hash("swk_example"))
                .isNotEqualTo(ApiKeyHmac.withPepper(PEPPER).hash("swk_example"));
    }

    @Test
    void shortPepper_isRefused() {
        assertThatThrownBy(() -> ApiKeyHmac.withPepper("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32");
    }
}
