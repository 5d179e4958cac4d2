package io.stateway.orchestrator.api.sigv4;

import io.stateway.orchestrator.api.ApiClock;
import io.stateway.orchestrator.api.ApiProperties;
import io.stateway.orchestrator.runtime.RuntimeProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Turns SigV4 checking on when {@code stateway.orchestrator.api.sigv4.verify} is true (it is off by default). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("stateway.orchestrator.api.sigv4.verify")
class SigV4Configuration {

    @Bean
    FilterRegistrationBean<SigV4Filter> sigV4Filter(ApiProperties api, RuntimeProperties runtime, ApiClock clock) {
        SigV4Verifier verifier = new SigV4Verifier(
                api.sigv4().accessKeys(), runtime.region(), api.sigv4().maxClockSkew());
        FilterRegistrationBean<SigV4Filter> registration = new FilterRegistrationBean<>(
                new SigV4Filter(verifier, clock, api.maxRequestSize().toBytes()));
        // Before anything reads the body or acts on the request.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
