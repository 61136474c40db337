package io.uptake.feedback.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Checks a webhook target when it is registered and again before each delivery, after resolving
 * its host (on a worker thread): the answer is the address to connect to, so that a name cannot
 * resolve to a public address for the check and to an internal one for the connection.
 */
@ApplicationScoped
public class WebhookTargetGuard {

    /** A target the rules refuse, with the reason. */
    public static class RefusedTarget extends RuntimeException {
        RefusedTarget(String reason) {
            super(reason);
        }
    }

    private final Vertx vertx;
    private final WebhookTargets targets;

    public WebhookTargetGuard(Vertx vertx, WebhookConfig config) {
        this.vertx = vertx;
        this.targets = new WebhookTargets(
                config.allowedInternalHosts().orElse(List.of()),
                WebhookTargets.withClusterNamespace(config.internalDomains(), config.clusterNamespace()),
                config.clusterRanges().orElse(List.of()).stream()
                        .map(AddressRange::parse)
                        .toList());
    }

    /** The address to post to, or a {@link RefusedTarget} failure. */
    public Uni<InetAddress> check(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Uni.createFrom().failure(new RefusedTarget("the URL has no host"));
        }
        var byName = targets.refuseName(host);
        if (byName.isPresent()) {
            return Uni.createFrom().failure(new RefusedTarget(byName.get()));
        }
        return vertx.executeBlocking(() -> resolve(host), false).map(addresses -> {
            var refusal = targets.refuse(host, addresses);
            if (refusal.isPresent()) {
                throw new RefusedTarget(refusal.get());
            }
            return addresses.getFirst();
        });
    }

    private static List<InetAddress> resolve(String host) {
        try {
            return Arrays.asList(InetAddress.getAllByName(host));
        } catch (UnknownHostException unknown) {
            return List.of();
        }
    }
}
