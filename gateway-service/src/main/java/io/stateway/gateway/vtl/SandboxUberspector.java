package io.stateway.gateway.vtl;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.velocity.util.introspection.Info;
import org.apache.velocity.util.introspection.UberspectImpl;
import org.apache.velocity.util.introspection.VelMethod;
import org.apache.velocity.util.introspection.VelPropertyGet;
import org.apache.velocity.util.introspection.VelPropertySet;

/**
 * What a mapping template may touch: methods and properties of strings, numbers, booleans, maps, lists and
 * the {@link TemplateVisible} facades, minus the ways out to the class system ({@code getClass()},
 * {@code .class}, {@code wait}/{@code notify}). Everything else resolves to nothing (rendered empty), so a
 * template cannot reach a class loader, a reflective method, the engine or the application.
 */
public final class SandboxUberspector extends UberspectImpl {

    private static final Set<String> DENIED_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");

    @Override
    public VelMethod getMethod(Object target, String name, Object[] args, Info info) {
        if (!visible(target) || DENIED_METHODS.contains(name)) {
            return null;
        }
        return super.getMethod(target, name, args, info);
    }

    @Override
    public VelPropertyGet getPropertyGet(Object target, String identifier, Info info) {
        if (!visible(target)) {
            return null;
        }
        if (identifier.equals("class")) {
            return target instanceof Map<?, ?> ? new MapEntryGet(identifier) : null;
        }
        VelPropertyGet getter = super.getPropertyGet(target, identifier, info);
        return getter != null && DENIED_METHODS.contains(getter.getMethodName()) ? null : getter;
    }

    @Override
    public VelPropertySet getPropertySet(Object target, String identifier, Object value, Info info) {
        // Only maps are written to ($context.requestOverride..., a template's own #set($m.k = v)).
        return target instanceof Map<?, ?> ? super.getPropertySet(target, identifier, value, info) : null;
    }

    @Override
    public Iterator getIterator(Object target, Info info) {
        boolean iterable = target instanceof Collection<?> || target instanceof Map<?, ?> || target instanceof Object[];
        return iterable ? super.getIterator(target, info) : null;
    }

    private static boolean visible(Object target) {
        return target instanceof CharSequence
                || target instanceof Number
                || target instanceof Boolean
                || target instanceof Character
                || target instanceof Map<?, ?>
                || target instanceof Collection<?>
                || target instanceof Map.Entry<?, ?>
                || target instanceof TemplateVisible;
    }

    /** {@code $map.class} reads the map's "class" key, never the map's class. */
    private record MapEntryGet(String key) implements VelPropertyGet {
        @Override
        public Object invoke(Object target) {
            return ((Map<?, ?>) target).get(key);
        }

        @Override
        public boolean isCacheable() {
            return true;
        }

        @Override
        public String getMethodName() {
            return "get";
        }
    }
}
