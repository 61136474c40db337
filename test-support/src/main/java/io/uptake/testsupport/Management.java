package io.uptake.testsupport;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The management interface of the app under test ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}): a port
 * of its own, {@code quarkus.management.test-port} in tests, never the port of the API.
 */
public final class Management {

    private Management() {}

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the management interface of the app under test. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
