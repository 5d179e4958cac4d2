package io.stateway.orchestrator.asl.path;

import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** The relational operators of Jayway filters, with Jayway's evaluation rules. */
enum FilterOperator {
    GTE(">="),
    LTE("<="),
    EQ("=="),
    TSEQ("==="),
    NE("!="),
    TSNE("!=="),
    LT("<"),
    GT(">"),
    REGEX("=~"),
    NIN("NIN"),
    IN("IN"),
    CONTAINS("CONTAINS"),
    ALL("ALL"),
    SIZE("SIZE"),
    SUBSETOF("SUBSETOF"),
    ANYOF("ANYOF"),
    NONEOF("NONEOF"),
    EMPTY("EMPTY");

    private final String symbol;

    FilterOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator spelled {@code text} (words are case-insensitive), or null. */
    static FilterOperator of(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (FilterOperator operator : values()) {
            if (operator.symbol.equals(upper)) {
                return operator;
            }
        }
        return null;
    }

    boolean test(FilterValue left, FilterValue right) {
        return switch (this) {
            case EQ -> equal(left, right);
            case NE -> !equal(left, right);
            case TSEQ -> left.getClass() == right.getClass() && equal(left, right);
            case TSNE -> !(left.getClass() == right.getClass() && equal(left, right));
            case LT -> ordered(left, right, c -> c < 0);
            case LTE -> ordered(left, right, c -> c <= 0);
            case GT -> ordered(left, right, c -> c > 0);
            case GTE -> ordered(left, right, c -> c >= 0);
            case REGEX -> regex(left, right);
            case IN -> in(left, right);
            case NIN -> !in(left, right);
            case CONTAINS -> contains(left, right);
            case ALL -> all(left, right);
            case SIZE -> size(left, right);
            case SUBSETOF -> subsetOf(left, right);
            case ANYOF -> list(left) != null && list(right) != null && overlap(left, right);
            case NONEOF -> list(left) != null && list(right) != null && !overlap(left, right);
            case EMPTY -> empty(left, right);
        };
    }

    private static boolean equal(FilterValue left, FilterValue right) {
        return left.looselyEquals(right);
    }

    /** Numbers with numbers, strings with strings; anything else is neither less nor greater. */
    private static boolean ordered(FilterValue left, FilterValue right, IntPredicate order) {
        if (left instanceof FilterValue.Num l && right instanceof FilterValue.Num r) {
            return order.test(l.value().compareTo(r.value()));
        }
        if (left instanceof FilterValue.Str l && right instanceof FilterValue.Str r) {
            return order.test(l.value().compareTo(r.value()));
        }
        return false;
    }

    private static boolean regex(FilterValue left, FilterValue right) {
        if (left instanceof FilterValue.Regex pattern && !(right instanceof FilterValue.Regex)) {
            return matches(pattern.pattern(), right);
        }
        if (right instanceof FilterValue.Regex pattern && !(left instanceof FilterValue.Regex)) {
            return matches(pattern.pattern(), left);
        }
        return false;
    }

    private static boolean matches(Pattern pattern, FilterValue value) {
        if (value instanceof FilterValue.Json json) {
            List<FilterValue> elements = json.elements();
            return elements != null
                    && elements.stream()
                            .anyMatch(element -> pattern.matcher(input(element)).matches());
        }
        return pattern.matcher(input(value)).matches();
    }

    private static String input(FilterValue value) {
        return switch (value) {
            case FilterValue.Str s -> s.value();
            case FilterValue.Num n -> n.value().toString();
            case FilterValue.Bool b -> Boolean.toString(b.value());
            default -> "";
        };
    }

    private static boolean in(FilterValue left, FilterValue right) {
        List<FilterValue> candidates = list(right);
        return candidates != null && candidates.stream().anyMatch(left::looselyEquals);
    }

    private static boolean contains(FilterValue left, FilterValue right) {
        if (left instanceof FilterValue.Str l && right instanceof FilterValue.Str r) {
            return l.value().contains(r.value());
        }
        List<FilterValue> elements = list(left);
        return elements != null && elements.stream().anyMatch(right::looselyEquals);
    }

    private static boolean all(FilterValue left, FilterValue right) {
        List<FilterValue> required = list(right);
        if (required == null || !(left instanceof FilterValue.Json json)) {
            return false;
        }
        List<FilterValue> present = json.elements();
        return present == null
                || required.stream().allMatch(r -> present.stream().anyMatch(r::looselyEquals));
    }

    private static boolean size(FilterValue left, FilterValue right) {
        if (!(right instanceof FilterValue.Num expected)) {
            return false;
        }
        int size = expected.value().intValue();
        return switch (left) {
            case FilterValue.Str s -> s.value().length() == size;
            case FilterValue.Json json -> (json.value().isArray() ? json.value().size() : -1) == size;
            default -> false;
        };
    }

    private static boolean subsetOf(FilterValue left, FilterValue right) {
        List<FilterValue> subset = list(left);
        List<FilterValue> superset = list(right);
        return subset != null
                && superset != null
                && subset.stream().allMatch(l -> superset.stream().anyMatch(l::looselyEquals));
    }

    private static boolean overlap(FilterValue left, FilterValue right) {
        List<FilterValue> rights = list(right);
        return list(left).stream().anyMatch(l -> rights.stream().anyMatch(l::looselyEquals));
    }

    private static boolean empty(FilterValue left, FilterValue right) {
        if (!(right instanceof FilterValue.Bool expected)) {
            return false;
        }
        return switch (left) {
            case FilterValue.Str s -> s.value().isEmpty() == expected.value();
            case FilterValue.Json json -> json.value().isEmpty() == expected.value();
            default -> false;
        };
    }

    /** The elements of a JSON array value, or null for anything else. */
    private static List<FilterValue> list(FilterValue value) {
        return value instanceof FilterValue.Json json ? json.elements() : null;
    }
}
