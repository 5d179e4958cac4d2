package io.stateway.orchestrator.asl.path;

import java.util.List;

/** One step of a compiled path, with Jayway's semantics and its rendering in Jayway's messages. */
sealed interface Segment {

    /** Whether the step selects at most one node (Jayway's "definite" token). */
    boolean definite(boolean leaf);

    /** The step as Jayway prints it in {@code No results for path: $['a'][0]}. */
    String fragment();

    /** {@code .name}, {@code ['name']} or {@code ['a','b']}; several names merge into one object at the leaf. */
    record Property(List<String> names, char delimiter) implements Segment {
        public Property {
            names = List.copyOf(names);
        }

        @Override
        public boolean definite(boolean leaf) {
            return names.size() == 1 || leaf;
        }

        @Override
        public String fragment() {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(delimiter).append(names.get(i)).append(delimiter);
            }
            return text.append(']').toString();
        }
    }

    /** {@code [0]}, {@code [-1]} or {@code [0,2]}. */
    record Index(List<Integer> indexes) implements Segment {
        public Index {
            indexes = List.copyOf(indexes);
        }

        @Override
        public boolean definite(boolean leaf) {
            return indexes.size() == 1;
        }

        @Override
        public String fragment() {
            StringBuilder text = new StringBuilder("[");
            for (int i = 0; i < indexes.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(indexes.get(i));
            }
            return text.append(']').toString();
        }
    }

    /** {@code [from:to]}, {@code [from:]} or {@code [:to]}; a missing bound is null. */
    record Slice(Integer from, Integer to) implements Segment {
        @Override
        public boolean definite(boolean leaf) {
            return false;
        }

        @Override
        public String fragment() {
            return "[" + (from == null ? "" : from) + ":" + (to == null ? "" : to) + "]";
        }
    }

    /** {@code .*} or {@code [*]}. */
    record Wildcard() implements Segment {
        @Override
        public boolean definite(boolean leaf) {
            return false;
        }

        @Override
        public String fragment() {
            return "[*]";
        }
    }

    /** {@code ..}: the next step applied at every depth. */
    record Scan() implements Segment {
        @Override
        public boolean definite(boolean leaf) {
            return false;
        }

        @Override
        public String fragment() {
            return "..";
        }
    }

    /** {@code [?(...)]}. */
    record Filter(FilterExpression expression) implements Segment {
        @Override
        public boolean definite(boolean leaf) {
            return false;
        }

        @Override
        public String fragment() {
            return "[?]";
        }
    }

    /**
     * {@code .length()} and the other Jayway functions: accepted by the syntax, but Step Functions does not
     * evaluate them, so a path holding one never finds anything.
     */
    record Function(String name, String arguments) implements Segment {
        @Override
        public boolean definite(boolean leaf) {
            return true;
        }

        @Override
        public String fragment() {
            return "." + name + "(" + arguments + ")";
        }
    }
}
