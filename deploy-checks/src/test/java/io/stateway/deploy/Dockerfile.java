package io.stateway.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's Dockerfile as instructions (continuation lines joined, comments dropped), by stage. */
record Dockerfile(String firstLine, List<Instruction> instructions) {

    /** One instruction; {@code stage} counts FROMs, from 0, and is -1 before the first. */
    record Instruction(int stage, String keyword, String arguments) {}

    private static final Pattern ARG = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    static Dockerfile read() {
        String text = Repository.read("Dockerfile");
        List<Instruction> instructions = new ArrayList<>();
        int stage = -1;
        StringBuilder pending = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (pending.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            pending.append(trimmed);
            String instruction = pending.toString().strip();
            pending.setLength(0);
            int space = instruction.indexOf(' ');
            String keyword = instruction.substring(0, space).toUpperCase();
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(
                    stage, keyword, instruction.substring(space + 1).strip()));
        }
        return new Dockerfile(text.lines().findFirst().orElse(""), instructions);
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    int lastStage() {
        return all("FROM").size() - 1;
    }

    List<Instruction> inStage(int stage, String keyword) {
        return all(keyword).stream().filter(i -> i.stage() == stage).toList();
    }

    /** The stage named {@code AS name}. */
    int stage(String name) {
        List<Instruction> froms = all("FROM");
        for (int i = 0; i < froms.size(); i++) {
            if (froms.get(i).arguments().endsWith(" AS " + name)) {
                return i;
            }
        }
        throw new AssertionError("no stage " + name);
    }

    /** Global ARG defaults (before the first FROM). */
    Map<String, String> globalArguments() {
        Map<String, String> args = new HashMap<>();
        instructions.stream()
                .filter(i -> i.stage() == -1 && i.keyword().equals("ARG"))
                .forEach(i -> {
                    String[] parts = i.arguments().split("=", 2);
                    args.put(parts[0], parts.length > 1 ? parts[1] : "");
                });
        return args;
    }

    String substitute(String text, Map<String, String> args) {
        Matcher matcher = ARG.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(
                    out, Matcher.quoteReplacement(args.getOrDefault(matcher.group(1), matcher.group())));
        }
        return matcher.appendTail(out).toString();
    }
}
