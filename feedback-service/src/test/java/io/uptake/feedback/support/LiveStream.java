package io.uptake.feedback.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test-only: a client of the celebrations stream; its lines arrive in the returned list as they come. */
public final class LiveStream {

    private LiveStream() {}

    public static List<String> listen(URI stream, String token) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(
                        HttpRequest.newBuilder(stream)
                                .header("Authorization", "Bearer " + token)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> {
            try {
                response.body().forEach(lines::add);
            } catch (UncheckedIOException closedWhenTheAppStops) {
                lines.add("closed: " + closedWhenTheAppStops.getMessage());
            }
        });
        return lines;
    }
}
