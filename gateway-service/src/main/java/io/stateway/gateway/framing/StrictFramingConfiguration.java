package io.stateway.gateway.framing;

import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpRequestDecoderSpec;

/**
 * Puts {@link StrictHttpServerCodec} in the data plane's HTTP/1.1 pipelines, where reactor-netty put Netty's
 * codec, with the same decoder settings ({@code server.netty.*}), and lets those connections half-close. HTTP/1.1 negotiated by ALPN over TLS is
 * set up after the connection's start and keeps Netty's codec; the gateway serves cleartext HTTP/1.1.
 */
@Configuration(proxyBeanMethods = false)
class StrictFramingConfiguration {

    @Bean
    NettyServerCustomizer strictHttpFraming() {
        return server -> {
            HttpDecoderConfig decoder = decoderConfig(server.configuration().decoder());
            return server.doOnChannelInit((observer, channel, remoteAddress) -> {
                ChannelPipeline pipeline = channel.pipeline();
                // An h2c upgrade handler holds on to Netty's codec to remove it on upgrade: left as it is.
                if (pipeline.get(NettyPipeline.HttpCodec) instanceof HttpServerCodec
                        && pipeline.get(NettyPipeline.H2CUpgradeHandler) == null) {
                    pipeline.replace(
                            NettyPipeline.HttpCodec, NettyPipeline.HttpCodec, new StrictHttpServerCodec(decoder));
                    // A client that shuts down its sending side still gets its answer (a 400 for a body it did
                    // not finish) rather than a bare close; the codec closes the connection after it.
                    channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
                }
            });
        };
    }

    /** What reactor-netty gives its own codec (HttpServerConfig), so that no limit changes with the codec. */
    private static HttpDecoderConfig decoderConfig(HttpRequestDecoderSpec spec) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(spec.maxInitialLineLength())
                .setMaxHeaderSize(spec.maxHeaderSize())
                .setMaxChunkSize(spec.maxChunkSize())
                .setValidateHeaders(spec.validateHeaders())
                .setInitialBufferSize(spec.initialBufferSize())
                .setAllowDuplicateContentLengths(spec.allowDuplicateContentLengths())
                .setAllowPartialChunks(spec.allowPartialChunks());
    }
}
