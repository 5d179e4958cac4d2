package io.stateway.orchestrator.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonReprTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "abc|'abc'",
                "it's|\"it's\"",
                "`'\"`|`'\\'\"'`",
                "a\\b|'a\\\\b'",
            })
    void repr_quotesAndEscapesAsPython(String text, String expected) {
        assertThat(PythonRepr.of(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            quoteCharacter = '`',
            value = {
                "0, '\\x00'",
                "9, '\\t'",
                "13, '\\r'",
                "127, '\\x7f'",
                "150, '\\x96'",
                "8232, '\\u2028'",
                "233, 'é'"
            })
    void repr_ofOneCharacter_escapesWhatPythonCannotPrint(int codePoint, String expected) {
        assertThat(PythonRepr.of(Character.toString(codePoint))).isEqualTo(expected);
    }
}
