package io.uptake.feedback.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may post: public addresses only. Refused are loopback, link-local (including the
 * cloud metadata address 169.254.169.254), private and unique-local ranges, carrier-grade NAT,
 * multicast and the unspecified address, IPv6 addresses that carry one of those (IPv4-mapped, NAT64,
 * 6to4, Teredo), the cluster's own ranges when they are configured, and host names of the cluster
 * itself (a single label such as {@code training-service}, or a name under one of the internal domains
 * or the cluster's namespaces, such as {@code metrics-service.uptake}). A host on the allow-list,
 * written exactly as in the URL, is let through: the rare receiver that lives inside on purpose.
 */
public final class WebhookTargets {

    /** Namespaces every Kubernetes cluster has: names under them are the cluster's own. */
    static final List<String> STANDARD_NAMESPACES = List.of("default", "kube-system", "kube-public");

    private final Set<String> allowedHosts;
    private final List<String> internalDomains;
    private final List<AddressRange> clusterRanges;

    public WebhookTargets(List<String> allowedHosts, List<String> internalDomains, List<AddressRange> clusterRanges) {
        this.allowedHosts =
                allowedHosts.stream().map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        this.internalDomains = internalDomains.stream()
                .map(domain -> domain.toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
                .toList();
        this.clusterRanges = List.copyOf(clusterRanges);
    }

    /** The internal domains plus the cluster's namespaces (its own, when known, and the standard ones). */
    public static List<String> withClusterNamespace(List<String> internalDomains, Optional<String> namespace) {
        List<String> domains = new java.util.ArrayList<>(internalDomains);
        domains.addAll(STANDARD_NAMESPACES);
        namespace.map(String::strip).filter(name -> !name.isEmpty()).ifPresent(domains::add);
        return domains;
    }

    public boolean allowListed(String host) {
        return allowedHosts.contains(normalise(host));
    }

    /** Why the host name alone is refused (before it is resolved), if it is. */
    public Optional<String> refuseName(String host) {
        String name = normalise(host);
        if (allowListed(name) || isAddressLiteral(name)) {
            return Optional.empty();
        }
        if (!name.contains(".")) {
            return Optional.of("host " + name + " is a name inside the cluster or network, not a public host");
        }
        return internalDomains.stream()
                .filter(domain -> name.equals(domain) || name.endsWith("." + domain))
                .findFirst()
                .map(domain -> "host " + name + " is in the internal domain " + domain);
    }

    /** Why the host, resolved to these addresses, is refused, if it is: every address must be public. */
    public Optional<String> refuse(String host, List<InetAddress> addresses) {
        if (allowListed(host)) {
            return Optional.empty();
        }
        Optional<String> byName = refuseName(host);
        if (byName.isPresent()) {
            return byName;
        }
        if (addresses.isEmpty()) {
            return Optional.of("host " + normalise(host) + " does not resolve");
        }
        return addresses.stream()
                .filter(address ->
                        internal(address) || clusterRanges.stream().anyMatch(range -> range.contains(address)))
                .findFirst()
                .map(address -> "host " + normalise(host) + " resolves to " + address.getHostAddress()
                        + ", an internal address");
    }

    /** Loopback, link-local, private, unique-local, carrier-grade NAT, multicast or unspecified. */
    public static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT 100.64/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            return EmbeddedIpv4.of(bytes).stream().anyMatch(WebhookTargets::internal);
        }
        return false;
    }

    private static boolean isAddressLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static String normalise(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
