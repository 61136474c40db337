package io.uptake.gateway.routing;

import java.net.URI;

/** One service behind the gateway: its name, the path prefix it owns, and where it listens. */
public record Upstream(String name, String prefix, String host, int port) {

    public static Upstream of(String name, GatewayConfig.Route route) {
        URI url = route.url();
        int port = url.getPort() != -1 ? url.getPort() : ("https".equals(url.getScheme()) ? 443 : 80);
        return new Upstream(name, route.prefix(), url.getHost(), port);
    }
}
