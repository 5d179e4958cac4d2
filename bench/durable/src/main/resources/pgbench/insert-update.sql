-- The physical reference: one transaction that inserts one row and updates one row, committed
-- durably (the server's synchronous_commit and fsync, as for the orchestrator).
\set counter random(1, 10000)
BEGIN;
INSERT INTO bench_events (counter_id, payload) VALUES (:counter, '{"type": "PassStateEntered"}');
UPDATE bench_counters SET events = events + 1 WHERE id = :counter;
END;
