package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LegacyJsonSyntaxTest {

    private static String message(String text) {
        return LegacyJsonSyntax.firstError(text).orElseThrow().message();
    }

    private static String firstLine(String text) {
        return message(text).split("\n")[0];
    }

    @Test
    void validJson_hasNoError() {
        assertThat(LegacyJsonSyntax.firstError("{\"a\": [1, -2.5e3, true, null, \"x\\u0041\"], \"b\": {}}"))
                .isEmpty();
    }

    @Test
    void singleQuotedFieldName_pointsJustPastTheQuote() {
        assertThat(message("{'a': 1}"))
                .isEqualTo("Unexpected character (''' (code 39)): was expecting double-quote to start field name\n"
                        + " at [Source: (String)\"{'a': 1}\"; line: 1, column: 3]");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"a\": 1,}|Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                "[1,]|Unexpected character (']' (code 93)): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "{\"a\" 1}|Unexpected character ('1' (code 49)): was expecting a colon to separate field name and value",
                "{\"a\": 01}|Invalid numeric value: Leading zeroes not allowed",
                "{\"a\": 1 \"b\": 2}|Unexpected character ('\"' (code 34)): was expecting comma to separate Object entries",
                "{\"a\": tru}|Unrecognized token 'tru': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "{\"a\": \"x\\q\"}|Unrecognized character escape 'q' (code 113)",
                "{\"a\": 1.}|Unexpected character ('}' (code 125)) in numeric value: Decimal point not followed by a digit",
                "{/* c */}|Unexpected character ('/' (code 47)): maybe a (non-standard) comment? (not recognized as one since Feature 'ALLOW_COMMENTS' not enabled for parser)",
                "}|Unexpected close marker '}': expected ']' (for root starting at [Source: (String)\"}\"; line: 1, column: 0])",
                "{\"a\": -x}|Unexpected character ('x' (code 120)) in numeric value: expected digit (0-9) to follow minus sign, for valid numeric value",
                "{\"a\": NaN}|Non-standard token 'NaN': enable JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS to allow",
                "{\"a\":|Unexpected end-of-input within/between Object entries",
                "{\"a\": \"open|Unexpected end-of-input: was expecting closing quote for a string value",
            })
    void syntaxError_isWordedAsJacksonTwo(String text, String expected) {
        assertThat(firstLine(text)).isEqualTo(expected);
    }

    @Test
    void controlCharacterInString_mustBeEscaped() {
        assertThat(firstLine("{\"a\": \"\u0001\"}"))
                .isEqualTo("Illegal unquoted character ((CTRL-CHAR, code 1)): has to be escaped using backslash to be"
                        + " included in string value");
    }

    @Test
    void errorOnALaterLine_countsLinesAndColumnsFromThatLine() {
        assertThat(LegacyJsonSyntax.firstError("{\n  \"a\": 1,\n  x\n}")
                        .orElseThrow()
                        .location())
                .endsWith("; line: 3, column: 4]");
    }

    @Test
    void longText_isQuotedUpToFiveHundredCharacters() {
        String text = "{\"a\": " + "[".repeat(600);
        assertThat(LegacyJsonSyntax.firstError(text).orElseThrow().location())
                .startsWith(
                        "[Source: (String)\"" + text.substring(0, 500) + "\"[truncated 106 chars]; line: 1, column: ");
    }
}
