package io.stateway.orchestrator.asl.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The corpus's placeholder rule: each {@code <token>} in an expected string matches any non-empty text. */
final class ExpectedText {

    private static final Pattern TOKEN = Pattern.compile("<[A-Za-z0-9_-]+>");

    private ExpectedText() {}

    static boolean matches(String expected, String actual) {
        if (actual == null) {
            return false;
        }
        StringBuilder regex = new StringBuilder();
        Matcher tokens = TOKEN.matcher(expected);
        int last = 0;
        while (tokens.find()) {
            regex.append(Pattern.quote(expected.substring(last, tokens.start())))
                    .append(".+");
            last = tokens.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }
}
