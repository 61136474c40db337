package io.uptake.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(
            List.of("hooks.internal.example", "127.0.0.2"),
            WebhookTargets.withClusterNamespace(
                    List.of("svc", "cluster.local", "internal"), java.util.Optional.of("uptake")),
            List.of(AddressRange.parse("203.0.113.0/24"), AddressRange.parse("2001:db8:5::/48")));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1", "127.1.2.3", "::1", "169.254.169.254", "fe80::1", "10.0.0.5", "172.16.0.1",
                        "172.31.255.255",
                "192.168.1.1", "fc00::1", "fd12:3456::1", "100.64.0.1", "0.0.0.0", "::", "224.0.0.1",
                        "::ffff:127.0.0.1",
                "::ffff:169.254.169.254", "255.255.255.255"
            })
    void internalAddressesAreRefused(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(WebhookTargets.internal(address)).as(literal).isTrue();
        assertThat(targets.refuse("hooks.example.com", List.of(address)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("internal address"));
    }

    /** Issue 27, low 7: an internal IPv4 address carried inside an IPv6 one. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "64:ff9b::a00:1", // NAT64 of 10.0.0.1
                "64:ff9b::a9fe:a9fe", // NAT64 of 169.254.169.254
                "64:ff9b:1::a00:1", // local-use NAT64
                "2002:a00:1::1", // 6to4 of 10.0.0.1
                "2002:7f00:1:0:0:0:0:1", // 6to4 of 127.0.0.1
                "2001:0:4136:e378:8000:63bf:f5ff:fffe", // Teredo, client 10.0.0.1
                "2001:0:a00:1:8000:63bf:b7f6:d6f7", // Teredo, server 10.0.0.1
                "::a00:1" // IPv4-compatible 10.0.0.1
            })
    void internalIpv4InsideIpv6IsRefused(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(WebhookTargets.internal(address)).as(literal).isTrue();
        assertThat(targets.refuse("hooks.example.com", List.of(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:b7f6:d6f7"})
    void publicIpv4InsideIpv6Passes(String literal) throws Exception {
        assertThat(WebhookTargets.internal(InetAddress.getByName(literal)))
                .as(literal)
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.9", "2001:db8:5:1::7"})
    void theClustersOwnRangesAreRefusedEvenWhenPublic(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(WebhookTargets.internal(address)).isFalse();
        assertThat(targets.refuse("hooks.example.com", List.of(address)))
                .hasValueSatisfying(reason -> assertThat(reason).contains(address.getHostAddress()));
        assertThat(targets.refuse("hooks.example.com", List.of(InetAddress.getByName("203.0.114.9"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics-service.uptake", "Gateway.Uptake.", "kafka.kube-system", "api.default"})
    void namesUnderTheClustersNamespacesAreRefused(String host) {
        assertThat(targets.refuseName(host)).as(host).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.96.0.0/33", "cluster", "10.0.0.0/x", "::/129"})
    void aWrongRangeIsNamedAtStart(String cidr) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AddressRange.parse(cidr))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cidr);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "52.1.2.3", "172.32.0.1", "100.128.0.1", "2606:4700::1111"})
    void publicAddressesPass(String literal) throws Exception {
        InetAddress address = InetAddress.getByName(literal);
        assertThat(WebhookTargets.internal(address)).as(literal).isFalse();
        assertThat(targets.refuse("hooks.example.com", List.of(address))).isEmpty();
    }

    @Test
    void oneInternalAddressAmongPublicOnesIsEnoughToRefuse() throws Exception {
        assertThat(targets.refuse(
                        "hooks.example.com",
                        List.of(InetAddress.getByName("8.8.8.8"), InetAddress.getByName("10.1.1.1"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("10.1.1.1"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "training-service",
                "feedback-service.uptake.svc",
                "gateway.uptake.svc.cluster.local",
                "vault.internal",
                "KAFKA.uptake.SVC.cluster.local."
            })
    void namesOfTheClusterAreRefusedBeforeResolving(String host) {
        assertThat(targets.refuseName(host)).as(host).isPresent();
    }

    @Test
    void anAllowListedHostPassesWhereverItResolves() throws Exception {
        List<InetAddress> inside = List.of(InetAddress.getByName("10.0.0.9"));
        assertThat(targets.refuse("hooks.internal.example", inside)).isEmpty();
        assertThat(targets.refuse("HOOKS.internal.example", inside)).isEmpty();
        assertThat(targets.refuse("127.0.0.2", List.of(InetAddress.getByName("127.0.0.2"))))
                .isEmpty();
        assertThat(targets.refuse("127.0.0.1", List.of(InetAddress.getByName("127.0.0.1"))))
                .isPresent();
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        assertThat(targets.refuse("nowhere.example.com", List.of()))
                .hasValueSatisfying(reason -> assertThat(reason).contains("does not resolve"));
    }
}
