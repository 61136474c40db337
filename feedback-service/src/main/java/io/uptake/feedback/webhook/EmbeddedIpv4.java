package io.uptake.feedback.webhook;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The IPv4 addresses an IPv6 address stands for, so that an internal IPv4 target cannot hide in one:
 * IPv4-mapped and -compatible ({@code ::ffff:a.b.c.d}, {@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}
 * and the local-use {@code 64:ff9b:1::/48}), 6to4 ({@code 2002::/16}) and Teredo ({@code 2001::/32}: its
 * server and its obscured client).
 */
final class EmbeddedIpv4 {

    private EmbeddedIpv4() {}

    /** The IPv4 addresses inside these 16 bytes; none for an ordinary IPv6 address. */
    static List<InetAddress> of(byte[] ipv6) {
        List<byte[]> found = new ArrayList<>();
        if (zero(ipv6, 0, 10) && ((ipv6[10] & 0xff) == 0xff && (ipv6[11] & 0xff) == 0xff || zero(ipv6, 10, 12))) {
            found.add(Arrays.copyOfRange(ipv6, 12, 16));
        } else if (startsWith(ipv6, 0x00, 0x64, 0xff, 0x9b)) {
            // 64:ff9b::/96 keeps the address in the last 32 bits; in 64:ff9b:1::/48 (RFC 8215) it may be anywhere
            // after the prefix, so a local-use NAT64 address counts as internal through the unspecified address
            found.add(zero(ipv6, 4, 12) ? Arrays.copyOfRange(ipv6, 12, 16) : new byte[4]);
        } else if (startsWith(ipv6, 0x20, 0x02)) {
            found.add(Arrays.copyOfRange(ipv6, 2, 6));
        } else if (startsWith(ipv6, 0x20, 0x01, 0x00, 0x00)) {
            found.add(Arrays.copyOfRange(ipv6, 4, 8));
            byte[] client = Arrays.copyOfRange(ipv6, 12, 16);
            for (int i = 0; i < client.length; i++) {
                client[i] = (byte) ~client[i];
            }
            found.add(client);
        }
        return found.stream().map(EmbeddedIpv4::ipv4).toList();
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static boolean zero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
