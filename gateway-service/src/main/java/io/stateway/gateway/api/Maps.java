package io.stateway.gateway.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Immutable copies that keep the document's order (AWS's choices such as "first matching pattern" depend on it). */
final class Maps {

    private Maps() {}

    static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
