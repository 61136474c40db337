package io.uptake.feedback.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookTargetsTest {

    private final WebhookTargets targets = new WebhookTargets(
            List.of("hooks.internal.example", "127.0.0.2"), List.of("svc", "cluster.local", "internal"));

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
