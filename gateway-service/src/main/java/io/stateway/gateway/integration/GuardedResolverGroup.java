package io.stateway.gateway.integration;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Name resolution of targets an API defines (integrations, JWT authorizers' key sets): the default
 * resolver's, then refused for a blocked address ({@link BlockedAddresses}). Addresses already resolved (IP
 * literals) pass through it as well, so the check is on the address actually connected to, whatever form the
 * URL gave it in, and on every redirect.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

    private static final Logger log = LoggerFactory.getLogger(GuardedResolverGroup.class);
    /** Bounds the memory of "already logged" (targets come from API definitions, so they are few). */
    private static final int MAX_LOGGED = 10_000;

    private final AddressResolverGroup<InetSocketAddress> delegate;
    private final BlockedAddresses blocked;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    GuardedResolverGroup(AddressResolverGroup<InetSocketAddress> delegate, BlockedAddresses blocked) {
        this.delegate = delegate;
        this.blocked = blocked;
    }

    @Override
    protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
        return new Guarded(executor, delegate.getResolver(executor));
    }

    /** Thrown when a target resolves to a blocked address; the client gets API Gateway's 500. */
    static final class BlockedAddressException extends UnknownHostException {
        BlockedAddressException(String message) {
            super(message);
        }
    }

    private final class Guarded implements AddressResolver<InetSocketAddress> {

        private final EventExecutor executor;
        private final AddressResolver<InetSocketAddress> resolver;

        Guarded(EventExecutor executor, AddressResolver<InetSocketAddress> resolver) {
            this.executor = executor;
            this.resolver = resolver;
        }

        @Override
        public boolean isSupported(SocketAddress address) {
            return resolver.isSupported(address);
        }

        @Override
        public boolean isResolved(SocketAddress address) {
            return false; // so that IP literals are checked too
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address) {
            return resolve(address, executor.newPromise());
        }

        @Override
        public Future<InetSocketAddress> resolve(SocketAddress address, Promise<InetSocketAddress> promise) {
            resolver.resolve(address).addListener((Future<InetSocketAddress> resolved) -> {
                if (!resolved.isSuccess()) {
                    promise.tryFailure(resolved.cause());
                    return;
                }
                BlockedAddressException refused = check(address, resolved.getNow());
                if (refused != null) {
                    promise.tryFailure(refused);
                } else {
                    promise.trySuccess(resolved.getNow());
                }
            });
            return promise;
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(SocketAddress address) {
            return resolveAll(address, executor.newPromise());
        }

        @Override
        public Future<List<InetSocketAddress>> resolveAll(
                SocketAddress address, Promise<List<InetSocketAddress>> promise) {
            resolver.resolveAll(address).addListener((Future<List<InetSocketAddress>> resolved) -> {
                if (!resolved.isSuccess()) {
                    promise.tryFailure(resolved.cause());
                    return;
                }
                // One blocked address refuses the name: else a name could mix a public and a private one.
                for (InetSocketAddress candidate : resolved.getNow()) {
                    BlockedAddressException refused = check(address, candidate);
                    if (refused != null) {
                        promise.tryFailure(refused);
                        return;
                    }
                }
                promise.trySuccess(resolved.getNow());
            });
            return promise;
        }

        @Override
        public void close() {
            // The delegate group owns the resolver it handed out.
        }
    }

    private BlockedAddressException check(SocketAddress requested, InetSocketAddress resolved) {
        return blocked.reason(resolved.getAddress())
                .map(reason -> {
                    String target = requested instanceof InetSocketAddress socket
                            ? socket.getHostString() + ":" + socket.getPort()
                            : String.valueOf(requested);
                    String message = "target " + target + " resolves to " + reason + " address "
                            + resolved.getAddress().getHostAddress()
                            + ", refused (stateway.gateway.integrations.allowed-networks can allow it)";
                    if (logged.size() < MAX_LOGGED && logged.add(target)) {
                        log.warn(message);
                    }
                    return new BlockedAddressException(message);
                })
                .orElse(null);
    }
}
