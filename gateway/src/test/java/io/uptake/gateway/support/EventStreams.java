package io.uptake.gateway.support;

import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** Event streams opened through the gateway under test as a client opens them, held until closed. */
public final class EventStreams {

    private EventStreams() {}

    /** The answer to opening the stream at {@code path} with this token, whatever its status. */
    public static HttpResponse<InputStream> open(String path, String token) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Opens the stream once there is a seat for it (streams closed a moment ago are released as the gateway and the
     * service see them close), within 10 s, and keeps it in {@code open}.
     */
    public static void openWhenFree(String path, String token, List<InputStream> open) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            HttpResponse<InputStream> stream = open(path, token);
            if (stream.statusCode() == 200) {
                open.add(stream.body());
                return true;
            }
            stream.body().close();
            return false;
        });
    }

    /** Closes every stream held. */
    public static void closeAll(List<InputStream> open) throws IOException {
        for (InputStream stream : open) {
            stream.close();
        }
    }
}
