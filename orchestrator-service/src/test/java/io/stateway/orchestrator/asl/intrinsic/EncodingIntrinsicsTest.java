package io.stateway.orchestrator.asl.intrinsic;

import static io.stateway.orchestrator.asl.TestScopes.json;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.eval;
import static io.stateway.orchestrator.asl.intrinsic.Intrinsics.failure;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EncodingIntrinsicsTest {

    @Test
    void base64_roundTripsUtf8Text() {
        assertThat(eval("States.Base64Encode('Olá, mundo')", "{}")).isEqualTo(json("\"T2zDoSwgbXVuZG8=\""));
        assertThat(eval("States.Base64Decode('T2zDoSwgbXVuZG8=')", "{}")).isEqualTo(json("\"Olá, mundo\""));
        assertThat(eval("States.Base64Encode('')", "{}")).isEqualTo(json("\"\""));
    }

    @Test
    void base64Decode_invalidInput_fails() {
        assertThat(failure("States.Base64Decode('%%%')", "{}").cause())
                .isEqualTo("Invalid arguments in States.Base64Decode: the string is not valid base64: %%%");
    }

    @Test
    void base64Encode_inputOverTenThousandCharacters_fails() {
        String input = "{\"s\": \"" + "x".repeat(10_001) + "\"}";

        assertThat(failure("States.Base64Encode($.s)", input).cause())
                .isEqualTo("Invalid arguments in States.Base64Encode: the string must hold at most 10000 characters,"
                        + " but held 10001");
    }

    @Test
    void hash_supportsTheFiveAlgorithms() {
        assertThat(eval("States.Hash('abc', 'MD5')", "{}")).isEqualTo(json("\"900150983cd24fb0d6963f7d28e17f72\""));
        assertThat(eval("States.Hash('abc', 'SHA-1')", "{}"))
                .isEqualTo(json("\"a9993e364706816aba3e25717850c26c9cd0d89d\""));
        assertThat(eval("States.Hash('abc', 'SHA-256')", "{}"))
                .isEqualTo(json("\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""));
        assertThat(eval("States.Hash('abc', 'SHA-384')", "{}").stringValue()).hasSize(96);
        assertThat(eval("States.Hash('abc', 'SHA-512')", "{}").stringValue()).hasSize(128);
    }

    @Test
    void hash_unknownAlgorithm_fails() {
        assertThat(failure("States.Hash('abc', 'SHA-3')", "{}").cause())
                .isEqualTo(
                        "Invalid arguments in States.Hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384,"
                                + " SHA-512, but was SHA-3");
    }
}
