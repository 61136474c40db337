package io.uptake.testsupport;

/** Where the launcher's local infrastructure listens ({@code UPTAKE_*_PORT} when it was moved, the defaults otherwise). */
public final class LocalInfrastructure {

    private LocalInfrastructure() {}

    public static String postgresPort() {
        return System.getenv().getOrDefault("UPTAKE_PG_PORT", "5433");
    }

    public static String kafkaBootstrap() {
        return "localhost:" + System.getenv().getOrDefault("UPTAKE_KAFKA_PORT", "9092");
    }

    public static String realmUrl() {
        return "http://localhost:" + System.getenv().getOrDefault("UPTAKE_KEYCLOAK_PORT", "8180") + "/realms/uptake";
    }
}
