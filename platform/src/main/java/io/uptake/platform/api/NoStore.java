package io.uptake.platform.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every API answer carries {@code Cache-Control: no-store}: they hold people's names, scores and
 * feedback, which no browser or proxy cache may keep. A resource that sets its own policy keeps it.
 */
public class NoStore {

    @ServerResponseFilter
    public void noStore(ContainerResponseContext response) {
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
