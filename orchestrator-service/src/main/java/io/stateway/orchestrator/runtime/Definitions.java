package io.stateway.orchestrator.runtime;

import io.stateway.orchestrator.asl.definition.DefinitionParser;
import io.stateway.orchestrator.asl.definition.StateMachine;
import io.stateway.orchestrator.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Parsed definitions by content hash: an execution names the definition it runs by hash, and every
 * replica parses each distinct definition once.
 */
@Component
class Definitions {

    private static final int CAPACITY = 1024;

    private final Executions executions;
    private final Map<String, StateMachine> parsed = lru();
    /** Hashes known to be in the table (committed): their executions need not insert them again. */
    private final Map<String, Boolean> stored = lru();

    Definitions(Executions executions) {
        this.executions = executions;
    }

    static String hash(String definition) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stores a definition by its {@link #hash} in the current transaction (a no-op when its text is
     * already stored). Once that transaction commits, later calls skip the insert.
     */
    void store(String hash, String definition) {
        synchronized (stored) {
            if (stored.containsKey(hash)) {
                return;
            }
        }
        executions.saveDefinition(hash, definition);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                markStored(hash);
            }
        });
    }

    StateMachine machine(String hash) {
        synchronized (parsed) {
            StateMachine machine = parsed.get(hash);
            if (machine != null) {
                return machine;
            }
        }
        String text = executions
                .definition(hash)
                .orElseThrow(() -> new IllegalStateException("No definition with hash " + hash));
        StateMachine machine = DefinitionParser.parse(Json.parse(text));
        synchronized (parsed) {
            parsed.put(hash, machine);
        }
        markStored(hash);
        return machine;
    }

    private void markStored(String hash) {
        synchronized (stored) {
            stored.put(hash, Boolean.TRUE);
        }
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CAPACITY;
            }
        };
    }

    /** A stored definition's text. */
    String text(String hash) {
        return executions.definition(hash).orElse(null);
    }

    /** Remembers a parsed definition, so its first execution does not parse it again. */
    void remember(String hash, StateMachine machine) {
        synchronized (parsed) {
            parsed.put(hash, machine);
        }
    }
}
