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
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runtime's collaborators that come from outside: the clock, randomness, task integrations,
 * its transactions.
 */
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

    /**
     * The runtime's transactions are plain JDBC (every statement goes through {@code JdbcClient}):
     * a JPA transaction manager would open and close an EntityManager around every transition for
     * nothing. The manager is not a bean, so the control plane's {@code @Transactional} keeps JPA's;
     * no runtime transaction runs inside a JPA one.
     */
    @Bean
    TransactionTemplate runtimeTransactions(DataSource dataSource) {
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Bean
    LambdaIntegration lambdaIntegration(FunctionInvoker invoker, RuntimeProperties properties, Clock clock) {
        return new LambdaIntegration(invoker, properties.region(), properties.accountId(), clock);
    }
}
