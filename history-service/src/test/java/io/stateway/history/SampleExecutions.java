package io.stateway.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.stateway.model.ExecutionStatus;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Executions the orchestrator runs once per test JVM and several test classes read: an order that
 * retries, fans out in parallel and over a Map, and catches an error; and a payment that fails.
 */
final class SampleExecutions {

    private static String order;
    private static String declined;

    private SampleExecutions() {}

    /** A SUCCEEDED order: Validate retried once (Flaky), Prepare in parallel, ShipItems with B caught. */
    static synchronized String order(Orchestrator orchestrator) {
        if (order == null) {
            AtomicInteger validations = new AtomicInteger();
            orchestrator
                    .functions()
                    .register("validate", event -> {
                        if (validations.incrementAndGet() == 1) {
                            throw new TestFunctions.FunctionError("Flaky", "try again");
                        }
                        return TestFunctions.JSON.readTree("{\"ok\": true}");
                    })
                    .register("price", event -> TestFunctions.JSON.readTree("{\"total\": 42}"))
                    .register("ship", event -> {
                        String sku = event.path("sku").asString();
                        if (sku.equals("B")) {
                            throw new TestFunctions.FunctionError("OutOfStock", "No B left");
                        }
                        return TestFunctions.JSON.readTree("{\"tracking\": \"T-" + sku + "\"}");
                    });
            String arn = orchestrator.start(
                    "orders",
                    "order-flow",
                    "order-1",
                    "{\"orderId\": 1, \"items\": [{\"sku\": \"A\"}, {\"sku\": \"B\"}, {\"sku\": \"C\"}]}");
            assertThat(orchestrator.awaitClosed(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            order = arn;
        }
        return order;
    }

    /** A FAILED payment: Charge fails with PaymentDeclined / "Card expired"; Notify is never reached. */
    static synchronized String declined(Orchestrator orchestrator) {
        if (declined == null) {
            orchestrator.functions().register("charge", event -> {
                throw new TestFunctions.FunctionError("PaymentDeclined", "Card expired");
            });
            String arn = orchestrator.start("payments", "payment-declined", "payment-1", "{\"amount\": 10}");
            assertThat(orchestrator.awaitClosed(arn).status()).isEqualTo(ExecutionStatus.FAILED);
            declined = arn;
        }
        return declined;
    }
}
