package io.stateway.orchestrator.asl.choice;

/** The comparison operators of Choice rules; each also has a {@code ...Path} form comparing with another path. */
public enum Comparator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQUAL),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LESS),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GREATER),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LESS_OR_EQUAL),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GREATER_OR_EQUAL),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQUAL),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LESS),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GREATER),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LESS_OR_EQUAL),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GREATER_OR_EQUAL),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQUAL),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQUAL),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LESS),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GREATER),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LESS_OR_EQUAL),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GREATER_OR_EQUAL);

    /** What both sides must be for the comparison to hold at all (otherwise it is simply false). */
    public enum Kind {
        STRING,
        NUMERIC,
        BOOLEAN,
        TIMESTAMP
    }

    public enum Relation {
        EQUAL,
        LESS,
        GREATER,
        LESS_OR_EQUAL,
        GREATER_OR_EQUAL;

        /** Whether a {@code compareTo} result satisfies this relation. */
        boolean holds(int comparison) {
            return switch (this) {
                case EQUAL -> comparison == 0;
                case LESS -> comparison < 0;
                case GREATER -> comparison > 0;
                case LESS_OR_EQUAL -> comparison <= 0;
                case GREATER_OR_EQUAL -> comparison >= 0;
            };
        }
    }

    private final String operator;
    private final Kind kind;
    private final Relation relation;

    Comparator(String operator, Kind kind, Relation relation) {
        this.operator = operator;
        this.kind = kind;
        this.relation = relation;
    }

    /** The field name in a rule, e.g. {@code StringEquals}; the path form appends {@code Path}. */
    public String operator() {
        return operator;
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    static Comparator named(String operator) {
        for (Comparator comparator : values()) {
            if (comparator.operator.equals(operator)) {
                return comparator;
            }
        }
        return null;
    }
}
