package io.uptake.metrics.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tokens from the local Keycloak for tests that run outside Quarkus (integration tests against the packaged app). */
public final class Keycloak {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Keycloak() {
    }

    public static String realmUrl() {
        return "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake";
    }

    /** Client credentials of the CRM connector ({@code crm-ingest}, role ingest). */
    public static String connectorToken() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=crm-ingest&client_secret=crm-ingest-secret"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token from Keycloak: " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }
}
