package io.stateway.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What README.md promises: its Ports table and the commands of its code blocks. */
final class Readme {

    private static final Pattern PORT_ROW = Pattern.compile("(?m)^\\|\\s*([a-z]+-service)\\s*\\|\\s*(\\d+)\\s*\\|");
    private static final Pattern CODE_BLOCK = Pattern.compile("(?s)```[a-z]*\\n(.*?)```");

    private Readme() {}

    static String text() {
        return Repository.read("README.md");
    }

    /** The Ports table: service module to port. */
    static Map<String, Integer> ports() {
        Map<String, Integer> ports = new TreeMap<>();
        Matcher matcher = PORT_ROW.matcher(text());
        while (matcher.find()) {
            ports.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return ports;
    }

    /** Each command (with its {@code \} continuation lines joined) in the README's code blocks that starts with {@code prefix}. */
    static List<String> commands(String prefix) {
        List<String> commands = new ArrayList<>();
        Matcher matcher = CODE_BLOCK.matcher(text());
        while (matcher.find()) {
            String joined = matcher.group(1).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.split("\\n")) {
                if (line.trim().startsWith(prefix)) {
                    commands.add(line.trim());
                }
            }
        }
        return commands;
    }
}
