package io.stateway.gateway.framing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpConstants;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpExpectationFailedEvent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessageDecoderResult;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The data plane's HTTP/1.1 codec, in place of Netty's {@code HttpServerCodec}, for the two framing faults that
 * codec lets through (RELIABILITY.md §3.9):
 *
 * <ul>
 *   <li>An obsolete line fold (a header line starting with SP or HTAB) is joined to the previous header by
 *       Netty; here the request is refused like a Content-Length with a Transfer-Encoding: its decoder result
 *       fails, so reactor-netty answers 400 and closes before any routing.
 *   <li>A malformed chunk (bad size line, data longer or shorter than declared, no CRLF after the data) ends the
 *       body in Netty with a failed last chunk, which reactor-netty turns into a normally completed body, so
 *       the part received would go on. Here it fails the body with {@link MalformedRequestBodyException}
 *       instead (the gateway answers 400) and the connection closes after that response.
 *   <li>A client that shuts down its sending side before the end of a body (its last chunk, or its declared
 *       length) fails that body the same way, rather than leaving it to a close that may come after the body
 *       was used. A client that shuts down after whole requests gets their answers, then the close.
 * </ul>
 *
 * <p>Everything else is Netty's: the decoder is an {@link HttpRequestDecoder} with reactor-netty's settings and
 * the encoder pairs responses with request methods as {@code HttpServerCodec} does (no body for HEAD, no
 * framing headers for a successful CONNECT). The fold check costs a few integer operations per request: it
 * compares the lines of a head (from the bytes consumed and Netty's own measures) with the header lines Netty
 * split a name off. Only a head that starts with empty lines, or a decoder that accepts bare LF line ends, is
 * checked by looking at its bytes (the head's only, never a body's).
 */
final class StrictHttpServerCodec extends CombinedChannelDuplexHandler<HttpRequestDecoder, HttpResponseEncoder> {

    /** Methods of the requests decoded whose response has not been encoded yet, oldest first. */
    private final ArrayDeque<HttpMethod> awaitingResponse = new ArrayDeque<>(2);

    /** Requests decoded whose response has not been written to its end yet. */
    private int responsesOwed;

    /** Once no more than this many responses are owed, the connection closes; -1: it stays open. */
    private int closeWhenOwedAtMost = -1;

    StrictHttpServerCodec(HttpDecoderConfig config) {
        init(new Decoder(config), new Encoder());
    }

    private void owe(HttpRequest request) {
        awaitingResponse.add(request.method());
        responsesOwed++;
    }

    private void closeOnceOwedAtMost(ChannelHandlerContext ctx, int owed) {
        if (responsesOwed <= owed) {
            ctx.close();
        } else {
            closeWhenOwedAtMost = owed;
        }
    }

    /**
     * The request being read gets no more of its body. If it is the one request owed an answer, its exchange
     * reads that body: the body fails (the gateway answers 400) and the connection closes after the answer. If
     * reactor-netty still queues it behind earlier requests (pipelining), no exchange reads it yet and it could
     * never complete: the connection closes once the earlier ones are answered.
     */
    private MalformedRequestBodyException abandonBody(ChannelHandlerContext ctx, MalformedRequestBodyException e) {
        closeOnceOwedAtMost(ctx, responsesOwed <= 1 ? 0 : 1);
        return e;
    }

    private final class Decoder extends HttpRequestDecoder {

        /** Whether every line must end with CRLF (Netty's default), which makes the line count exact. */
        private final boolean crlfLines;

        /** Whether the next bytes the decoder reads belong to a request head (request line and headers). */
        private boolean readingHead = true;

        /** Bytes of the current head the decoder consumed so far. */
        private int headBytes;

        /** Header lines of the current head that the decoder read as a name and a value (not as a fold). */
        private int namedLines;

        /** Whether the current head is checked by looking at its bytes rather than by counting its lines. */
        private boolean scanningHead;

        /** While scanning: whether the last head byte consumed ended a line, so the next one starts a line. */
        private boolean atLineStart = true;

        /** After a framing fault: nothing more on this connection is a request. */
        private boolean discarding;

        Decoder(HttpDecoderConfig config) {
            super(config);
            this.crlfLines = config.isStrictLineParsing();
        }

        private void startHead() {
            readingHead = true;
            headBytes = 0;
            namedLines = 0;
            scanningHead = false;
            atLineStart = true;
        }

        @Override
        protected AsciiString splitHeaderName(byte[] sb, int start, int length) {
            // Netty splits a name off every header line but a folded one (trailers too: reset at the next head).
            namedLines++;
            return super.splitHeaderName(sb, start, length);
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out) throws Exception {
            if (discarding) {
                buffer.skipBytes(buffer.readableBytes());
                return;
            }
            int from = buffer.readerIndex();
            int first = out.size();
            boolean head = readingHead;
            super.decode(ctx, buffer, out);
            int to = buffer.readerIndex();
            if (head && to > from && !alreadyFailed(out, first)) {
                if (headBytes == 0) {
                    // Empty lines before the request line (RFC 9112 §2.2) would upset the count; they are rare.
                    scanningHead = !crlfLines || isLineEnd(buffer.getByte(from));
                }
                headBytes += to - from;
                if (scanningHead) {
                    if (startsALineWithWhitespace(buffer, from, to)) {
                        refuseFoldedHead(buffer, out, first);
                        return;
                    }
                    atLineStart = buffer.getByte(to - 1) == HttpConstants.LF;
                }
            }
            for (int i = first; i < out.size(); i++) {
                Object message = out.get(i);
                if (message instanceof HttpRequest request) {
                    if (!scanningHead && hasFoldedLines(request)) {
                        refuseFoldedHead(buffer, out, first);
                        return;
                    }
                    owe(request);
                    readingHead = false;
                } else if (message instanceof HttpContent content
                        && content.decoderResult().isFailure()) {
                    failBody(ctx, buffer, out, i, content.decoderResult().cause());
                    return;
                }
                if (message instanceof LastHttpContent) {
                    startHead();
                }
            }
        }

        /**
         * Whether the head had lines Netty joined to the one before (folds), found without looking at its bytes
         * again: every line of it ended with CRLF, so the bytes consumed are the request line, the header lines
         * (both measured by Netty) and two per line (request line, headers, the empty line). Lines beyond those
         * Netty split a name off are folds.
         */
        private boolean hasFoldedLines(HttpRequest request) {
            if (!(request.decoderResult() instanceof HttpMessageDecoderResult sizes)) {
                return false; // a failed head, which reactor-netty refuses anyway
            }
            int lineEnds = headBytes - sizes.initialLineLength() - sizes.headerSize() - 4;
            return lineEnds < 0 || lineEnds % 2 != 0 || lineEnds / 2 != namedLines;
        }

        private static boolean isLineEnd(byte b) {
            return b == HttpConstants.CR || b == HttpConstants.LF;
        }

        /**
         * Whether a line in the consumed head bytes starts with SP or HTAB: an obsolete fold (RFC 9112 §5.2), or
         * whitespace before the first header (§2.2), which Netty would read as part of the header's name.
         */
        private boolean startsALineWithWhitespace(ByteBuf buffer, int from, int to) {
            if (atLineStart && isWhitespace(buffer.getByte(from))) {
                return true;
            }
            int lineEnd = buffer.indexOf(from, to, HttpConstants.LF);
            while (lineEnd >= 0 && lineEnd + 1 < to) {
                if (isWhitespace(buffer.getByte(lineEnd + 1))) {
                    return true;
                }
                lineEnd = buffer.indexOf(lineEnd + 1, to, HttpConstants.LF);
            }
            return false;
        }

        private static boolean isWhitespace(byte b) {
            return b == HttpConstants.SP || b == HttpConstants.HT;
        }

        private static boolean alreadyFailed(List<Object> out, int first) {
            for (int i = first; i < out.size(); i++) {
                if (out.get(i) instanceof HttpRequest request
                        && request.decoderResult().isFailure()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Hands on one failed request for this head, which reactor-netty answers with 400 and a close, and
         * nothing after it.
         */
        private void refuseFoldedHead(ByteBuf buffer, List<Object> out, int first) {
            HttpRequest refused = null;
            for (int i = first; i < out.size(); i++) {
                Object message = out.get(i);
                if (refused == null && message instanceof HttpRequest request) {
                    refused = request;
                } else {
                    ReferenceCountUtil.release(message);
                }
            }
            out.subList(first, out.size()).clear();
            if (refused == null) {
                refused = (HttpRequest) createInvalidMessage();
            }
            refused.setDecoderResult(DecoderResult.failure(new ObsoleteLineFoldingException()));
            out.add(refused);
            owe(refused);
            discard(buffer);
        }

        /**
         * Drops the failed last chunk (reactor-netty would complete the body with it) and fails the body instead;
         * the chunks before it still reach the body, before the failure.
         */
        private void failBody(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out, int failed, Throwable cause)
                throws MalformedRequestBodyException {
            for (int i = failed; i < out.size(); i++) {
                ReferenceCountUtil.release(out.get(i));
            }
            out.subList(failed, out.size()).clear();
            discard(buffer);
            // Thrown, not fired, so that it follows the chunks already decoded (ByteToMessageDecoder hands those
            // on first, then the exception, which reactor-netty turns into the body's error).
            throw abandonBody(ctx, MalformedRequestBodyException.brokenChunk(cause));
        }

        /**
         * The client shut down its sending side (the connection allows half-closure so that it can still be
         * answered): a body it had not finished fails; otherwise the connection closes once every request
         * received is answered.
         */
        private void inputClosed(ChannelHandlerContext ctx) {
            if (discarding) {
                return;
            }
            discarding = true;
            if (readingHead) {
                closeOnceOwedAtMost(ctx, 0);
            } else {
                ctx.fireExceptionCaught(abandonBody(ctx, MalformedRequestBodyException.unfinished()));
            }
        }

        private void discard(ByteBuf buffer) {
            discarding = true;
            buffer.skipBytes(buffer.readableBytes());
            // So that a close does not make the decoder hand on the half-read message it still holds.
            reset();
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof HttpExpectationFailedEvent) {
                // The decoder drops the body it was waiting for and reads the next bytes as a new head.
                startHead();
            }
            // For an input shutdown, this first decodes what arrived before it.
            super.userEventTriggered(ctx, evt);
            if (evt instanceof ChannelInputShutdownEvent) {
                inputClosed(ctx);
            }
        }
    }

    private final class Encoder extends HttpResponseEncoder {

        private HttpMethod method;

        private boolean informational;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response) {
                informational = response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
                if (closeWhenOwedAtMost >= 0 && !informational) {
                    HttpUtil.setKeepAlive(response, false);
                }
            }
            if (msg instanceof LastHttpContent && !informational && responsesOwed > 0) {
                responsesOwed--;
                if (responsesOwed <= closeWhenOwedAtMost) {
                    promise = promise.unvoid().addListener(ChannelFutureListener.CLOSE);
                }
            }
            super.write(ctx, msg, promise);
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse msg) {
            if (msg.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(msg);
            }
            method = awaitingResponse.poll();
            return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse msg, boolean isAlwaysEmpty) {
            if (!isAlwaysEmpty
                    && HttpMethod.CONNECT.equals(method)
                    && msg.status().codeClass() == HttpStatusClass.SUCCESS) {
                // A tunnel has no message body (RFC 9110 §9.3.6), so no framing header either.
                msg.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
                return;
            }
            super.sanitizeHeadersBeforeEncode(msg, isAlwaysEmpty);
        }
    }
}
