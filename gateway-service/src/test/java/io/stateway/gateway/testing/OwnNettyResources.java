package io.stateway.gateway.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Event loops of a replica's own: a context using Reactor Netty's global resources disposes them when it
 * closes, which would take down the other gateways of the JVM.
 */
@Configuration(proxyBeanMethods = false)
class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        return factory;
    }
}
