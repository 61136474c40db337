package io.uptake.gateway.routing;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.cachedAccessToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.uptake.gateway.support.ServiceOverTls;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, medium 5: the gateway reaches a service over TLS (an {@code https} route), verifying the service's
 * certificate against the configured CA and its host name; the same code path as a plain route.
 */
@QuarkusTest
@WithTestResource(ServiceOverTls.class)
class UpstreamTlsTest {

    @jakarta.inject.Inject
    GatewayConfig config;

    @Test
    void aRouteToAnHttpsServiceIsServedOverTls() {
        given().auth()
                .oauth2(cachedAccessToken("hana"))
                .when()
                .get("/api/training/skills?size=1")
                .then()
                .statusCode(200);
        io.uptake.testsupport.Management.given()
                .when()
                .get("/q/health/group/upstreams")
                .then()
                .body("checks.find { it.name == 'upstreams' }.data.training", equalTo("UP"));
    }

    @Test
    void theUpstreamClientTrustsOnlyTheConfiguredCaAndChecksTheHostName() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            // the gateway's own client options, trusting uptake.gateway.upstream-ca (the service's certificate)
            HttpClientOptions trusting = Upstream.clientOptions(config);
            assertThat(status(vertx, trusting, "localhost"))
                    .as("an answer, without a token")
                    .isEqualTo("401");
            assertThat(status(vertx, trusting, "127.0.0.1"))
                    .as("the certificate names localhost only")
                    .startsWith("failed");
            assertThat(status(vertx, new HttpClientOptions().setVerifyHost(true), "localhost"))
                    .as("a CA the client does not trust")
                    .startsWith("failed");
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** The status of a request to the service over TLS from a client with these options, or "failed: …". */
    private static String status(Vertx vertx, HttpClientOptions options, String host) throws Exception {
        HttpClient client = vertx.createHttpClient(options);
        RequestOptions request = new Upstream("training", "/api/training", host, ServiceOverTls.tlsPort(), true)
                .request()
                .setMethod(HttpMethod.GET)
                .setURI("/api/training/skills")
                .setTimeout(5_000);
        return client.request(request)
                .compose(sent -> sent.send())
                .map(answer -> String.valueOf(answer.statusCode()))
                .otherwise(failure -> "failed: " + failure)
                .toCompletionStage()
                .toCompletableFuture()
                .get(15, TimeUnit.SECONDS);
    }
}
