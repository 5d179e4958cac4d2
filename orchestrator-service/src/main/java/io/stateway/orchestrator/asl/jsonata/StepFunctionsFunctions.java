package io.stateway.orchestrator.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.dashjoin.jsonata.Utils;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.JacksonException;

/**
 * The functions Step Functions adds to JSONata: {@code $partition}, {@code $range}, {@code $hash},
 * {@code $random}, {@code $uuid} and {@code $parse}.
 */
final class StepFunctionsFunctions {

    private static final Map<String, String> HASH_ALGORITHMS =
            Map.of("MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private StepFunctionsFunctions() {}

    private static final Jsonata.JFunction PARTITION = Jsonata.function(
            "partition", (Jsonata.Fn2<Object, Object, Object>) StepFunctionsFunctions::partition, null);
    private static final Jsonata.JFunction RANGE =
            Jsonata.function("range", (Jsonata.FnVarArgs<Object>) StepFunctionsFunctions::range, null);
    private static final Jsonata.JFunction HASH =
            Jsonata.function("hash", (Jsonata.Fn2<Object, Object, Object>) StepFunctionsFunctions::hash, null);
    private static final Jsonata.JFunction PARSE =
            Jsonata.function("parse", (Jsonata.Fn1<Object, Object>) StepFunctionsFunctions::parse, null);

    static void bind(Jsonata.Frame frame, RandomSource random) {
        frame.bind("partition", PARTITION);
        frame.bind("range", RANGE);
        frame.bind("hash", HASH);
        frame.bind("parse", PARSE);
        frame.bind(
                "uuid",
                Jsonata.function(
                        "uuid", (Jsonata.Fn0<Object>) () -> random.nextUuid().toString(), null));
        frame.bind(
                "random", Jsonata.function("random", (Jsonata.FnVarArgs<Object>) args -> random(args, random), null));
    }

    private static Object partition(Object array, Object size) {
        List<?> items = asList(array, "$partition");
        int chunk = positiveInt(size, "$partition");
        List<Object> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += chunk) {
            chunks.add(new ArrayList<>(items.subList(from, Math.min(items.size(), from + chunk))));
        }
        return chunks;
    }

    private static Object range(List<?> args) {
        if (args.size() != 3) {
            throw new JException("T0410", 0, "$range");
        }
        long start = integer(args.get(0), "$range");
        long end = integer(args.get(1), "$range");
        long step = integer(args.get(2), "$range");
        if (step == 0) {
            throw new JException("D3137", 0, "$range step must not be 0");
        }
        List<Object> values = Utils.createSequence();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            values.add(v);
        }
        return values;
    }

    private static Object hash(Object data, Object algorithm) {
        if (!(data instanceof String text)) {
            throw new JException("T0410", 0, "$hash");
        }
        String name = algorithm instanceof String s ? HASH_ALGORITHMS.get(s) : null;
        if (name == null) {
            throw new JException("D3137", 0, "Unsupported hash algorithm: " + algorithm);
        }
        try {
            byte[] digest = MessageDigest.getInstance(name).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Object text) {
        if (!(text instanceof String s)) {
            throw new JException("T0410", 0, "$parse");
        }
        try {
            return JsonataValues.toJava(Json.parse(s));
        } catch (JacksonException e) {
            throw new JException("D3137", 0, "Invalid JSON passed to $parse: " + s);
        }
    }

    private static Object random(List<?> args, RandomSource random) {
        if (args.isEmpty() || args.get(0) == null) {
            return random.nextDouble();
        }
        return new Random(integer(args.get(0), "$random")).nextDouble();
    }

    private static List<?> asList(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value == null) {
            throw new JException("T0410", 0, function);
        }
        return List.of(value);
    }

    private static int positiveInt(Object value, String function) {
        long n = integer(value, function);
        if (n <= 0 || n > Integer.MAX_VALUE) {
            throw new JException("D3137", 0, function + " expects a positive integer");
        }
        return (int) n;
    }

    private static long integer(Object value, String function) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.longValue();
        }
        throw new JException("T0410", 0, function);
    }
}
