package io.uptake.gateway.routing;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details written by the gateway itself: never an upstream's internals. */
final class Problems {

    private Problems() {
    }

    static void send(HttpServerResponse response, int status, String title, String detail) {
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
                .end(body);
    }
}
