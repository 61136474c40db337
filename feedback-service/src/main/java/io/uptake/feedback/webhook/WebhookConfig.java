package io.uptake.feedback.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How webhook deliveries are made and retried. */
@ConfigMapping(prefix = "uptake.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher looks for deliveries that are due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long one attempt may take before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** Attempts per delivery before it is given up (state FAILED). */
    @WithDefault("6")
    int maxAttempts();

    /**
     * The key that encrypts webhook secrets at rest: 32 random bytes in base64 (for example
     * {@code openssl rand -base64 32}). Required in production ({@code UPTAKE_WEBHOOKS_SECRET_KEY});
     * changing it makes every stored secret unreadable, so rotate the webhooks' secrets instead.
     */
    String secretKey();

    /** How long the secret before a rotation still signs deliveries (next to the new one). */
    @WithDefault("24h")
    Duration rotationGrace();

    /**
     * Hosts, written exactly as in a webhook's URL, that may be internal: the rare receiver inside
     * the network on purpose. Every other target must be, and resolve to, a public address.
     */
    Optional<List<String>> allowedInternalHosts();

    /** Domains whose hosts are the cluster's or the network's own, refused as webhook targets. */
    @WithDefault("svc,cluster.local,local,internal,localhost,localdomain,home.arpa,intranet,lan,corp")
    List<String> internalDomains();

    /**
     * The namespace this service runs in ({@code UPTAKE_WEBHOOKS_CLUSTER_NAMESPACE}, from the pod's own metadata):
     * {@code metrics-service.<namespace>} and every name under it are the cluster's own, refused like the
     * internal domains, as are names under the namespaces every cluster has.
     */
    Optional<String> clusterNamespace();

    /**
     * The cluster's own address ranges in CIDR notation (pods and services), refused even when they are public
     * addresses, as some clusters' are. Private ranges are refused whatever this says.
     */
    Optional<List<String>> clusterRanges();

    /** How much of a receiver's answer is read; the connection is dropped past it. */
    @WithDefault("4096")
    int maxResponseBytes();

    /** The public address of the feedback API, for links in messages. */
    @WithDefault("http://localhost:8080/api/feedback")
    String publicBaseUrl();
}
