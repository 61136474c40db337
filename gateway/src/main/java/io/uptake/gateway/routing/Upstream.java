package io.uptake.gateway.routing;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.net.URI;

/**
 * One service behind the gateway: its name, the path prefix it owns, and where it listens. An {@code https} address is
 * reached over TLS, its certificate checked against the trusted CAs and its host name.
 */
public record Upstream(String name, String prefix, String host, int port, boolean tls) {

    public static Upstream of(String name, GatewayConfig.Route route) {
        return at(name, route, route.url());
    }

    /** The service's management interface (readiness, its OpenAPI document), or the service itself if none is named. */
    public static Upstream managementOf(String name, GatewayConfig.Route route) {
        return at(name, route, route.managementUrl().orElse(route.url()));
    }

    private static Upstream at(String name, GatewayConfig.Route route, URI url) {
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : (tls ? 443 : 80);
        return new Upstream(name, route.prefix(), url.getHost(), port, tls);
    }

    /** A request to this service: where it goes, and whether over TLS. */
    public RequestOptions request() {
        return new RequestOptions().setHost(host).setPort(port).setSsl(tls);
    }

    /**
     * The options every client of the services starts from: host names verified, and the CA of the services'
     * certificates trusted when {@code uptake.gateway.upstream-ca} names one (else the JVM's trusted CAs).
     */
    public static HttpClientOptions clientOptions(GatewayConfig config) {
        HttpClientOptions options = new HttpClientOptions().setVerifyHost(true);
        config.upstreamCa().ifPresent(ca -> options.setTrustOptions(new PemTrustOptions().addCertPath(ca)));
        return options;
    }
}
