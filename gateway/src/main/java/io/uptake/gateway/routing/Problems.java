package io.uptake.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details written by the gateway itself: never an upstream's internals. */
public final class Problems {

    private Problems() {}

    public static void send(HttpServerResponse response, int status, String title, String detail) {
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String body = new JsonObject()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .encode();
        response.setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Content-Length", String.valueOf(body.length()))
                .end(body);
    }
}
