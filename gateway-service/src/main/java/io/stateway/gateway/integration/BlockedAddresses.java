package io.stateway.gateway.integration;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an integration defined by an API may not connect to (RELIABILITY.md §3.7, SSRF): the
 * gateway's own host and the networks behind it — loopback, private, link-local (cloud metadata at
 * 169.254.169.254), unspecified, CGNAT and unique-local, IPv4-mapped forms included — unless a network of
 * {@code stateway.gateway.integrations.allowed-networks} contains the address.
 */
final class BlockedAddresses {

    private final List<Network> allowed;

    BlockedAddresses(List<String> allowedNetworks) {
        this.allowed = allowedNetworks.stream().map(Network::parse).toList();
    }

    /** Why the address is refused, or empty if it may be connected to. */
    Optional<String> reason(InetAddress address) {
        InetAddress plain = unmapped(address);
        if (allowed.stream().anyMatch(network -> network.contains(plain))) {
            return Optional.empty();
        }
        byte[] bytes = plain.getAddress();
        if (plain.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (plain.isAnyLocalAddress() || (plain instanceof Inet4Address && bytes[0] == 0)) {
            return Optional.of("unspecified");
        }
        if (plain.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (plain instanceof Inet4Address
                && (plain.isSiteLocalAddress() || (bytes[0] == 100 && (bytes[1] & 0xc0) == 64))) {
            return Optional.of(bytes[0] == 100 ? "carrier-grade NAT" : "private");
        }
        if (plain instanceof Inet6Address && ((bytes[0] & 0xfe) == 0xfc || plain.isSiteLocalAddress())) {
            return Optional.of("private");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv4-mapped ({@code ::ffff:a.b.c.d}) or -compatible IPv6 address stands for. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && isZero(bytes, 0, 10)) {
            boolean mapped = (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean compatible = bytes[10] == 0 && bytes[11] == 0 && !isZero(bytes, 12, 15);
            if (mapped || compatible) {
                try {
                    return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16));
                } catch (UnknownHostException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return address;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A CIDR block, {@code 127.0.0.0/8} or {@code ::1/128}. */
    private record Network(byte[] prefix, int length) {

        static Network parse(String cidr) {
            String[] parts = cidr.trim().split("/", 2);
            try {
                if (parts[0].isEmpty() || !parts[0].matches("[0-9a-fA-F:.]+")) {
                    throw new IllegalArgumentException("not an IP address");
                }
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int length = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
                if (length < 0 || length > address.length * 8) {
                    throw new IllegalArgumentException("prefix length out of range");
                }
                return new Network(address, length);
            } catch (IllegalArgumentException | UnknownHostException e) {
                throw new IllegalArgumentException("stateway.gateway.integrations.allowed-networks: '" + cidr
                        + "' is not a CIDR block (" + e.getMessage() + ")");
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < length; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
