package io.stateway.orchestrator.runtime;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between a client and PostgreSQL that makes commits ambiguous: it reads the client's
 * side of the wire protocol (startup, then typed messages), recognises a {@code COMMIT} (a simple
 * {@code Query}, or a {@code Parse} of it and later {@code Bind}s of that prepared statement, up
 * to the {@code Sync}), forwards it, and with the configured probability then cuts the connection:
 * the server's answer is dropped, both sockets are closed. The server has committed (or not); the
 * client cannot tell. Connections must not use TLS ({@code sslmode=disable}).
 *
 * <p>It can also {@link #partition() partition} the client from the server, as a network fault
 * would: no byte passes either way and new connections get no answer, yet every socket stays open,
 * so the client hangs rather than failing fast. What was sent meanwhile arrives once it is
 * {@link #heal() healed}, as TCP's retransmissions would deliver it.
 */
final class PostgresFaultProxy implements AutoCloseable {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_ENCRYPTION_REQUEST = 80877104;

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Random random;
    private final Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private volatile double cutProbability;
    private final Object healed = new Object();
    private volatile boolean partitioned;
    private final AtomicInteger held = new AtomicInteger();

    PostgresFaultProxy(String host, int port, long seed) throws IOException {
        this.target = new InetSocketAddress(host, port);
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.random = new Random(seed);
        Thread.ofPlatform().daemon().name("pg-fault-proxy").start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** From now on, cut the connection after this share of the commits it forwards (0 = none). */
    void cutCommits(double probability) {
        this.cutProbability = probability;
    }

    /** From now on, until {@link #heal()}, pass nothing either way and connect nothing new. */
    void partition() {
        partitioned = true;
    }

    /** Ends the partition: what was held back goes through, new connections reach the server. */
    void heal() {
        synchronized (healed) {
            partitioned = false;
            healed.notifyAll();
        }
    }

    /** Messages and connections the partition held back so far (each counted once). */
    int held() {
        return held.get();
    }

    /** Commits forwarded so far. */
    int commits() {
        return commits.get();
    }

    /** Commits after which the connection was cut. */
    int cutCommits() {
        return cut.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (listener.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Connects an accepted client to the server, once no partition is in the way. */
    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            awaitHealed();
            server.connect(target, 5_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            Connection connection = new Connection(client, server);
            Thread.ofVirtual().start(connection::clientToServer);
            Thread.ofVirtual().start(connection::serverToClient);
        } catch (IOException | InterruptedException e) {
            open.remove(client);
            closeQuietly(client);
            closeQuietly(server);
        }
    }

    /** Returns at once if not partitioned, else when the partition heals (or the proxy closes). */
    private void awaitHealed() throws InterruptedException {
        if (!partitioned) {
            return;
        }
        held.incrementAndGet();
        synchronized (healed) {
            while (partitioned && !listener.isClosed()) {
                healed.wait();
            }
        }
    }

    private boolean decideToCut() {
        commits.incrementAndGet();
        double p = cutProbability;
        boolean doIt;
        synchronized (random) {
            doIt = p > 0 && random.nextDouble() < p;
        }
        if (doIt) {
            cut.incrementAndGet();
        }
        return doIt;
    }

    /** One proxied connection: the client's messages parsed, the server's bytes passed through. */
    private final class Connection {
        private final Socket client;
        private final Socket server;
        /** Prepared statements (by name) whose query is a COMMIT. */
        private final Set<String> commitStatements = new HashSet<>();
        /** Set before the cut COMMIT's last byte goes out, so its answer never reaches the client. */
        private volatile boolean doomed;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            open.add(client);
            open.add(server);
        }

        void clientToServer() {
            try (client;
                    server) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
                OutputStream out = new BufferedOutputStream(server.getOutputStream(), 64 * 1024);
                int code;
                do { // SSL and GSS encryption requests come before the startup message, if at all
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    code = body.length >= 4
                            ? ((body[0] & 0xff) << 24)
                                    | ((body[1] & 0xff) << 16)
                                    | ((body[2] & 0xff) << 8)
                                    | (body[3] & 0xff)
                            : 0;
                    awaitHealed();
                    writeInt(out, length);
                    out.write(body);
                    out.flush();
                } while (code == SSL_REQUEST || code == GSS_ENCRYPTION_REQUEST);
                boolean commitPending = false;
                while (true) {
                    int type = in.read();
                    if (type < 0) {
                        return;
                    }
                    int length = in.readInt();
                    byte[] body = in.readNBytes(length - 4);
                    boolean cutAfter = false;
                    switch (type) {
                        case 'Q' -> cutAfter = isCommit(cString(body, 0)) && decideToCut();
                        case 'P' -> {
                            String name = cString(body, 0);
                            String query = cString(body, name.getBytes(StandardCharsets.UTF_8).length + 1);
                            if (isCommit(query)) {
                                commitPending = true;
                                if (!name.isEmpty()) {
                                    commitStatements.add(name);
                                }
                            } else {
                                commitStatements.remove(name);
                            }
                        }
                        case 'B' -> {
                            String portal = cString(body, 0);
                            String statement = cString(body, portal.getBytes(StandardCharsets.UTF_8).length + 1);
                            commitPending |= commitStatements.contains(statement);
                        }
                        case 'S' -> {
                            cutAfter = commitPending && decideToCut();
                            commitPending = false;
                        }
                        default -> {}
                    }
                    if (cutAfter) {
                        doomed = true;
                    }
                    awaitHealed();
                    out.write(type);
                    writeInt(out, length);
                    out.write(body);
                    out.flush();
                    if (cutAfter) {
                        // The server now has the COMMIT; give it a moment, then cut whatever it answered.
                        Thread.sleep(1_000);
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed, or this connection was cut
            } finally {
                open.remove(client);
                open.remove(server);
            }
        }

        void serverToClient() {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = server.getInputStream();
                    OutputStream out = client.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (doomed) {
                        break; // the cut commit's answer: dropped
                    }
                    awaitHealed();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                closeQuietly(client);
                closeQuietly(server);
            }
        }
    }

    private static boolean isCommit(String query) {
        String q = query.strip().toUpperCase(Locale.ROOT);
        return q.equals("COMMIT") || q.startsWith("COMMIT ") || q.startsWith("COMMIT;") || q.equals("END");
    }

    private static String cString(byte[] body, int from) throws EOFException {
        for (int i = from; i < body.length; i++) {
            if (body[i] == 0) {
                return new String(body, from, i - from, StandardCharsets.UTF_8);
            }
        }
        throw new EOFException("unterminated string in a protocol message");
    }

    private static void writeInt(OutputStream out, int value) throws IOException {
        out.write(value >>> 24);
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        heal();
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }
}
