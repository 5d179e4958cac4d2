package io.stateway.gateway.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * HTTP headers as API Gateway handles them: in arrival order, names with their original case, looked up
 * without regard to case. Mutable; each stage of a request works on its own copy.
 */
public final class HeaderList {

    private final List<String[]> entries = new ArrayList<>();

    public HeaderList() {}

    public HeaderList(HeaderList other) {
        other.entries.forEach(entry -> entries.add(entry.clone()));
    }

    public HeaderList add(String name, String value) {
        entries.add(new String[] {name, value});
        return this;
    }

    /** Replaces every header of this name (any case) by one. */
    public HeaderList set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    /** Adds the header unless one of that name is present. */
    public HeaderList setIfAbsent(String name, String value) {
        return contains(name) ? this : add(name, value);
    }

    public boolean remove(String name) {
        return entries.removeIf(entry -> entry[0].equalsIgnoreCase(name));
    }

    public boolean contains(String name) {
        return entries.stream().anyMatch(entry -> entry[0].equalsIgnoreCase(name));
    }

    /** The last value of the header (API Gateway's single-value view keeps the last one). */
    public Optional<String> last(String name) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i)[0].equalsIgnoreCase(name)) {
                return Optional.of(entries.get(i)[1]);
            }
        }
        return Optional.empty();
    }

    public Optional<String> first(String name) {
        return entries.stream()
                .filter(e -> e[0].equalsIgnoreCase(name))
                .map(e -> e[1])
                .findFirst();
    }

    public List<String> all(String name) {
        return entries.stream()
                .filter(e -> e[0].equalsIgnoreCase(name))
                .map(e -> e[1])
                .toList();
    }

    /** Single values, last one wins, keyed by the name as first written. */
    public Map<String, String> singleValues() {
        Map<String, String> lowerToName = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String[] entry : entries) {
            String name = lowerToName.computeIfAbsent(entry[0].toLowerCase(Locale.ROOT), k -> entry[0]);
            values.put(name, entry[1]);
        }
        return values;
    }

    /** All values per name, keyed by the name as first written. */
    public Map<String, List<String>> multiValues() {
        Map<String, String> lowerToName = new LinkedHashMap<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String[] entry : entries) {
            String name = lowerToName.computeIfAbsent(entry[0].toLowerCase(Locale.ROOT), k -> entry[0]);
            values.computeIfAbsent(name, k -> new ArrayList<>()).add(entry[1]);
        }
        return values;
    }

    public void forEach(BiConsumer<String, String> action) {
        entries.forEach(entry -> action.accept(entry[0], entry[1]));
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public List<Map.Entry<String, String>> entries() {
        return Collections.unmodifiableList(
                entries.stream().map(e -> Map.entry(e[0], e[1])).toList());
    }

    /** Renames a header (every occurrence, any case) keeping its values and position. */
    public void rename(String name, String newName) {
        for (String[] entry : entries) {
            if (entry[0].equalsIgnoreCase(name)) {
                entry[0] = newName;
            }
        }
    }
}
