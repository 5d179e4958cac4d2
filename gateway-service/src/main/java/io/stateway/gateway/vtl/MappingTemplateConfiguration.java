package io.stateway.gateway.vtl;

import io.stateway.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MappingTemplateConfiguration {

    @Bean
    VtlEngine vtlEngine(GatewayProperties properties) {
        GatewayProperties.Templates templates = properties.templates();
        return new VtlEngine(new RenderLimits(
                templates.maxLoopIterations(),
                (int) Math.min(Integer.MAX_VALUE, templates.maxOutput().toBytes()),
                templates.maxRenderTime()));
    }
}
