package io.uptake.gateway.support;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;
import io.uptake.testsupport.KeycloakTokens;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A browser, as far as sign-in needs one: it keeps cookies and follows redirects (GET) itself, so a test
 * sees every hop between the gateway and Keycloak's login page.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new LocalCookies())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<URI> visited = new ArrayList<>();
    private final List<String> cookiesSet = new ArrayList<>();

    /** GETs the address and follows redirects until a page answers; {@link #visited()} lists every hop. */
    public HttpResponse<String> open(URI address) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(address).GET()));
    }

    /** Posts an HTML form (url-encoded) and follows the redirects that answer it. */
    public HttpResponse<String> submit(URI action, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return follow(send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))));
    }

    /** Posts with no body and these headers (the browser's own, such as {@code Origin}), following the answer. */
    public HttpResponse<String> post(URI address, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return follow(send(request));
    }

    public List<URI> visited() {
        return List.copyOf(visited);
    }

    /** Every {@code Set-Cookie} header received, as sent. */
    public List<String> cookiesSet() {
        return List.copyOf(cookiesSet);
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            URI next = response.uri()
                    .resolve(response.headers().firstValue("Location").orElseThrow());
            response = send(HttpRequest.newBuilder(next).GET());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(10))
                .header("Accept", "text/html")
                .build();
        visited.add(built.uri());
        HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
        cookiesSet.addAll(response.headers().allValues("Set-Cookie"));
        return response;
    }

    /**
     * Lets the public client {@code uptake-web} send browsers back to this origin (the test's random
     * port) for the duration of the returned handle; closing it restores the client as it was.
     */
    public static AutoCloseable allowRedirectsTo(String origin) {
        String admin = KeycloakTokens.keycloakAdmin();
        String clients = KeycloakTokens.keycloak() + "/admin/realms/uptake/clients";
        String id = given().auth()
                .oauth2(admin)
                .queryParam("clientId", "uptake-web")
                .when()
                .get(clients)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        String original = given().auth()
                .oauth2(admin)
                .when()
                .get(clients + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Map<String, Object> widened = new JsonPath(original).getMap("");
        @SuppressWarnings("unchecked")
        List<String> redirects = new ArrayList<>((List<String>) widened.get("redirectUris"));
        redirects.add(origin + "/*");
        widened.put("redirectUris", redirects);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes = new java.util.HashMap<>((Map<String, Object>) widened.get("attributes"));
        attributes.put("post.logout.redirect.uris", attributes.get("post.logout.redirect.uris") + "##" + origin + "/*");
        widened.put("attributes", attributes);
        given().auth()
                .oauth2(admin)
                .contentType("application/json")
                .body(widened)
                .when()
                .put(clients + "/" + id)
                .then()
                .statusCode(204);
        return () -> given().auth()
                .oauth2(KeycloakTokens.keycloakAdmin())
                .contentType("application/json")
                .body(original)
                .when()
                .put(clients + "/" + id)
                .then()
                .statusCode(204);
    }

    /**
     * Cookies as a browser keeps them for {@code localhost}: by name and path, sent whatever their
     * {@code Secure} flag (browsers treat localhost as a secure origin; the JDK's CookieManager sends
     * secure cookies over https only, which loses Keycloak's login cookies).
     */
    private static final class LocalCookies extends CookieHandler {

        private final Map<String, HttpCookie> jar = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
            String cookies = jar.values().stream()
                    .filter(cookie -> path.startsWith(cookie.getPath() == null ? "/" : cookie.getPath()))
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            return cookies.isEmpty() ? Map.of() : Map.of("Cookie", List.of(cookies));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    values.forEach(header -> HttpCookie.parse(header).forEach(cookie -> {
                        String key = cookie.getName() + "|" + cookie.getPath();
                        if (cookie.getMaxAge() == 0 || cookie.getValue().isEmpty()) {
                            jar.remove(key);
                        } else {
                            jar.put(key, cookie);
                        }
                    }));
                }
            });
        }
    }
}
