package io.stateway.orchestrator.conformance;

import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The durable run's function invoker: the functions of the case being run (cases run one at a
 * time, and the same function names mean different things in different cases).
 */
public final class CaseFunctions implements FunctionInvoker {

    private final AtomicReference<FunctionInvoker> current =
            new AtomicReference<>((arn, payload, asynchronous, key) -> new Invocation.NotFound(key));

    void use(FunctionInvoker functions) {
        current.set(functions);
    }

    @Override
    public Invocation invoke(String functionArn, byte[] payload, boolean asynchronous, String idempotencyKey) {
        return current.get().invoke(functionArn, payload, asynchronous, idempotencyKey);
    }
}
