package io.stateway.gateway.framing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The codec on its own, fed chosen segments: where a fold or a broken body falls relative to the reads, and
 * what it leaves to Netty (request bodies, HEAD responses).
 */
class StrictHttpServerCodecTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(new StrictHttpServerCodec(new HttpDecoderConfig()));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void fold_atTheStartOfALaterSegment_refusesTheRequest() {
        channel.writeInbound(bytes("GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n"));
        channel.writeInbound(bytes(" X-Injected: b\r\n\r\n"));

        HttpRequest request = channel.readInbound();
        assertThat(request.decoderResult().cause()).isInstanceOf(ObsoleteLineFoldingException.class);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void fold_insideOneSegment_refusesTheRequest_andNothingAfterItIsDecoded() {
        channel.writeInbound(bytes("GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n\tX-Injected: b\r\n\r\n"
                + "GET /next HTTP/1.1\r\nHost: x\r\n\r\n"));

        HttpRequest request = channel.readInbound();
        assertThat(request.decoderResult().cause()).isInstanceOf(ObsoleteLineFoldingException.class);
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void fold_afterEmptyLinesBeforeTheRequestLine_refusesTheRequest() {
        channel.writeInbound(bytes("\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n X-Injected: b\r\n\r\n"));

        HttpRequest request = channel.readInbound();
        assertThat(request.decoderResult().cause()).isInstanceOf(ObsoleteLineFoldingException.class);
    }

    @Test
    void emptyLinesBeforeTheRequestLine_withoutAFold_areIgnored() {
        channel.writeInbound(bytes("\r\nGET / HTTP/1.1\r\nHost: x\r\nX-Spaced: a  b\r\n\r\n"));

        List<Object> decoded = readAllInbound();
        assertThat(decoded.getFirst())
                .isInstanceOfSatisfying(
                        HttpRequest.class,
                        request ->
                                assertThat(request.decoderResult().isSuccess()).isTrue());
        release(decoded);
    }

    @Test
    void fold_inTheRequestAfterAChunkedBodyWithTrailers_refusesThatRequest() {
        channel.writeInbound(bytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\nX-Trailer: t\r\nX-Other: o\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n X-Injected: b\r\n\r\n"));

        List<Object> decoded = readAllInbound();
        List<HttpRequest> requests = decoded.stream()
                .filter(HttpRequest.class::isInstance)
                .map(HttpRequest.class::cast)
                .toList();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).decoderResult().isSuccess()).isTrue();
        assertThat(requests.get(1).decoderResult().isSuccess()).isTrue();
        assertThat(requests.get(2).decoderResult().cause()).isInstanceOf(ObsoleteLineFoldingException.class);
        release(decoded);
    }

    @Test
    void bodyLines_startingWithWhitespace_areBodies_notFolds() {
        String json = "{\n  \"a\": 1,\n\t\"b\": 2\n}";
        channel.writeInbound(bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: " + json.length() + "\r\n\r\n" + json
                + "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(json.length()) + "\r\n" + json + "\r\n0\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\nX-Spaced: a  b\r\n\r\n"));

        List<Object> decoded = readAllInbound();
        List<HttpRequest> requests = decoded.stream()
                .filter(HttpRequest.class::isInstance)
                .map(HttpRequest.class::cast)
                .toList();
        assertThat(requests)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.decoderResult().isSuccess()).isTrue());
        assertThat(requests.get(2).headers().get("X-Spaced")).isEqualTo("a  b");
        assertThat(decoded.stream().filter(LastHttpContent.class::isInstance)).hasSize(3);
        release(decoded);
    }

    @Test
    void brokenChunk_failsTheBody_afterTheChunksBeforeIt_withoutALastChunk() {
        assertThatThrownBy(() -> channel.writeInbound(
                        bytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\nzz\r\n")))
                .isInstanceOf(MalformedRequestBodyException.class);

        List<Object> decoded = readAllInbound();
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0)).isInstanceOf(HttpRequest.class);
        assertThat(decoded.get(1)).isInstanceOf(HttpContent.class).isNotInstanceOf(LastHttpContent.class);
        assertThat(((HttpContent) decoded.get(1)).content().toString(StandardCharsets.US_ASCII))
                .isEqualTo("{}");
        release(decoded);
    }

    @Test
    void brokenChunk_closesTheConnection_afterTheResponseToItsRequest() {
        assertThatThrownBy(() -> channel.writeInbound(
                        bytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}  \r\n")))
                .isInstanceOf(MalformedRequestBodyException.class);
        release(readAllInbound());
        assertThat(channel.isOpen()).isTrue();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST));

        assertThat(writtenText()).containsIgnoringCase("connection: close");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void inputShutdown_beforeTheLastChunk_failsTheBody() {
        channel.writeInbound(bytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n"));
        release(readAllInbound());

        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

        assertThatThrownBy(channel::checkException).isInstanceOf(MalformedRequestBodyException.class);
        assertThat(readAllInbound()).noneMatch(LastHttpContent.class::isInstance);
    }

    @Test
    void inputShutdown_beforeTheDeclaredLength_failsTheBody() {
        channel.writeInbound(bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{\"a\":"));
        release(readAllInbound());

        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

        assertThatThrownBy(channel::checkException).isInstanceOf(MalformedRequestBodyException.class);
    }

    @Test
    void inputShutdown_afterWholeRequests_closesOnceTheyAreAnswered() {
        channel.writeInbound(bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\n"));
        release(readAllInbound());

        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        assertThat(channel.isOpen()).isTrue();

        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK));

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void inputShutdown_withNothingOwed_closesAtOnce() {
        channel.pipeline().fireUserEventTriggered(ChannelInputShutdownEvent.INSTANCE);

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void responseToHead_isEncodedWithoutABody_asNettysCodecDoes() {
        channel.writeInbound(bytes("HEAD / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        release(readAllInbound());

        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        channel.writeOutbound(head, LastHttpContent.EMPTY_LAST_CONTENT);
        String headResponse = writtenText();
        DefaultHttpResponse get = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        get.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        channel.writeOutbound(get, LastHttpContent.EMPTY_LAST_CONTENT);

        assertThat(headResponse).endsWith("\r\n\r\n").doesNotContain("0\r\n\r\n");
        assertThat(writtenText()).endsWith("\r\n\r\n0\r\n\r\n");
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }

    private List<Object> readAllInbound() {
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }

    private String writtenText() {
        StringBuilder text = new StringBuilder();
        for (ByteBuf written = channel.readOutbound(); written != null; written = channel.readOutbound()) {
            text.append(written.toString(StandardCharsets.ISO_8859_1));
            written.release();
        }
        return text.toString();
    }

    private static void release(List<Object> messages) {
        messages.forEach(io.netty.util.ReferenceCountUtil::release);
    }
}
