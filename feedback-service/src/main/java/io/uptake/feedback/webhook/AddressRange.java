package io.uptake.feedback.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR range of IPv4 or IPv6 addresses, such as {@code 10.96.0.0/12} or {@code fd00:10:96::/112}. */
public record AddressRange(byte[] network, int prefixLength) {

    /** Reads {@code address/prefix}; a bare address is a range of one. Fails, naming the text, on anything else. */
    public static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9A-Fa-f.:]+")) {
            throw new IllegalArgumentException("not an address range: " + cidr);
        }
        try {
            byte[] network = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix length out of range in " + cidr);
            }
            return new AddressRange(network, prefix);
        } catch (UnknownHostException | NumberFormatException wrong) {
            throw new IllegalArgumentException("not an address range: " + cidr, wrong);
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int whole = prefixLength / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
