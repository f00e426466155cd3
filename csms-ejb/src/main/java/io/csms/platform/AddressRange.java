package io.csms.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An IP address range in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}; a bare address is
 * one address), for allow-lists and trusted proxies. Only literal addresses: parsing never asks DNS.
 */
public record AddressRange(byte[] network, int prefix) {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

    public AddressRange {
        network = network.clone();
    }

    /** Parses {@code address[/prefix]}; a malformed range is an {@link IllegalArgumentException}. */
    public static AddressRange parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        byte[] bytes = literal(address)
                .orElseThrow(() -> new IllegalArgumentException("Not an IP address or CIDR range: " + text));
        int bits = bytes.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(value.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a CIDR prefix: " + text, e);
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("CIDR prefix out of range: " + text);
        }
        return new AddressRange(bytes, prefix);
    }

    /** A comma-separated list of ranges; empty or blank is none. */
    public static List<AddressRange> parseList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .map(AddressRange::parse)
                .toList();
    }

    /** Whether the literal address {@code address} lies in this range (an IPv4-mapped IPv6 address counts as IPv4). */
    public boolean contains(String address) {
        return address != null && literal(address).map(this::contains).orElse(false);
    }

    public boolean contains(byte[] address) {
        byte[] candidate = unmapped(address);
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** Whether any of {@code ranges} contains {@code address}. */
    public static boolean any(List<AddressRange> ranges, String address) {
        return ranges.stream().anyMatch(r -> r.contains(address));
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return Arrays.toString(network) + "/" + prefix;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange r && r.prefix == prefix && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    /** The bytes of a literal IPv4 or IPv6 address, without any name lookup. */
    static java.util.Optional<byte[]> literal(String address) {
        String value = address.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        if (value.isEmpty() || !LITERAL.matcher(value).matches() || (!value.contains(":") && !isDottedQuad(value))) {
            return java.util.Optional.empty();
        }
        try {
            // a literal (checked above) is parsed without a lookup
            return java.util.Optional.of(unmapped(InetAddress.getByName(value).getAddress()));
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    private static boolean isDottedQuad(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static byte[] unmapped(byte[] address) {
        if (address.length == 16) {
            boolean mapped = address[10] == (byte) 0xFF && address[11] == (byte) 0xFF;
            for (int i = 0; i < 10 && mapped; i++) {
                mapped = address[i] == 0;
            }
            if (mapped) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }
}
