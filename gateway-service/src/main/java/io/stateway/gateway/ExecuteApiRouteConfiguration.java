package io.stateway.gateway;

import io.stateway.gateway.apikey.ApiKeyFilterFactory;
import io.stateway.gateway.auth.JwtFilterFactory;
import io.stateway.gateway.auth.LambdaAuthorizerFilterFactory;
import io.stateway.gateway.auth.SigV4FilterFactory;
import io.stateway.gateway.cache.ResponseCacheFilterFactory;
import io.stateway.gateway.integration.IntegrationFilterFactory;
import io.stateway.gateway.limits.PayloadFilterFactory;
import io.stateway.gateway.mapping.RequestMappingFilterFactory;
import io.stateway.gateway.mapping.ResponseMappingFilterFactory;
import io.stateway.gateway.routing.RouteFilterFactory;
import io.stateway.gateway.throttle.ThrottleFilterFactory;
import io.stateway.gateway.validation.RequestValidationFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data plane as one Spring Cloud Gateway route that takes every request (the routing table, not the
 * route's predicate, decides where it goes) with one filter per concern; their order is
 * {@link io.stateway.gateway.pipeline.FilterOrder}'s.
 */
@Configuration(proxyBeanMethods = false)
class ExecuteApiRouteConfiguration {

    @Bean
    RouteLocator executeApiRoute(
            RouteLocatorBuilder routes,
            RouteFilterFactory route,
            PayloadFilterFactory payload,
            SigV4FilterFactory sigV4,
            JwtFilterFactory jwt,
            LambdaAuthorizerFilterFactory customAuthorizer,
            ApiKeyFilterFactory apiKey,
            ThrottleFilterFactory throttle,
            RequestValidationFilterFactory validation,
            ResponseCacheFilterFactory cache,
            RequestMappingFilterFactory requestMapping,
            ResponseMappingFilterFactory responseMapping,
            IntegrationFilterFactory integration) {
        return routes.routes()
                .route(
                        "execute-api",
                        spec -> spec.alwaysTrue()
                                .filters(filters -> filters.filters(
                                        route.apply(new RouteFilterFactory.Config()),
                                        payload.apply(new PayloadFilterFactory.Config()),
                                        throttle.apply(ThrottleFilterFactory.Config.beforeAuthentication()),
                                        sigV4.apply(new SigV4FilterFactory.Config()),
                                        jwt.apply(new JwtFilterFactory.Config()),
                                        customAuthorizer.apply(new LambdaAuthorizerFilterFactory.Config()),
                                        apiKey.apply(new ApiKeyFilterFactory.Config()),
                                        throttle.apply(ThrottleFilterFactory.Config.afterApiKey()),
                                        validation.apply(new RequestValidationFilterFactory.Config()),
                                        cache.apply(new ResponseCacheFilterFactory.Config()),
                                        responseMapping.apply(new ResponseMappingFilterFactory.Config()),
                                        requestMapping.apply(new RequestMappingFilterFactory.Config()),
                                        integration.apply(new IntegrationFilterFactory.Config())))
                                .uri("no://execute-api"))
                .build();
    }
}
