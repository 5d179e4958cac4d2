package io.stateway.orchestrator.runtime;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.stateway.orchestrator.asl.RandomSource;
import io.stateway.orchestrator.asl.SystemRandomSource;
import io.stateway.orchestrator.integration.lambda.FunctionEndpoints;
import io.stateway.orchestrator.integration.lambda.FunctionInvoker;
import io.stateway.orchestrator.integration.lambda.HttpFunctionInvoker;
import io.stateway.orchestrator.integration.lambda.LambdaIntegration;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The runtime's collaborators that come from outside: the clock, randomness, task integrations. */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    /** The one clock of the runtime; tests replace it to move time without sleeping. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    RandomSource randomSource() {
        return SystemRandomSource.INSTANCE;
    }

    @Bean
    @ConditionalOnMissingBean
    FunctionInvoker functionInvoker(ObjectProvider<FunctionEndpoints> endpoints, RuntimeProperties properties) {
        FunctionEndpoints registry = endpoints.getIfAvailable(() -> arn -> Optional.empty());
        return new HttpFunctionInvoker(
                registry, CircuitBreakerRegistry.ofDefaults(), Duration.ofSeconds(5), properties.defaultTaskTimeout());
    }

    @Bean
    LambdaIntegration lambdaIntegration(FunctionInvoker invoker, RuntimeProperties properties, Clock clock) {
        return new LambdaIntegration(invoker, properties.region(), properties.accountId(), clock);
    }
}
