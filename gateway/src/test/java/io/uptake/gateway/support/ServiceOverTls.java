package io.uptake.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.uptake.testsupport.PackagedService;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged training-service serving HTTPS with a certificate of its own for {@code localhost} (made here with the
 * JDK's keytool, as cert-manager makes one in the cluster), and the gateway routing to it over TLS, trusting that
 * certificate's PEM as its upstream CA.
 */
public class ServiceOverTls implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "uptake-test-only";

    private static volatile int tlsPort;
    private static volatile Path caFile;
    private PackagedService training;

    /** The port the service answers HTTPS on. */
    public static int tlsPort() {
        return tlsPort;
    }

    /** The PEM the gateway trusts for its upstreams. */
    public static Path ca() {
        return caFile;
    }

    @Override
    public Map<String, String> start() {
        Path folder = Path.of("target", "upstream-tls").toAbsolutePath();
        Path keyStore = folder.resolve("training-service.p12");
        caFile = folder.resolve("training-service.crt");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(keyStore);
            keytool(
                    "-genkeypair",
                    "-alias",
                    "service",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost",
                    "-validity",
                    "2",
                    "-keystore",
                    keyStore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD);
            keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "service",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    PASSWORD,
                    "-file",
                    caFile.toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not make the service's certificate", e);
        }
        tlsPort = PackagedService.freePort();
        Map<String, String> settings = new HashMap<>();
        settings.put("QUARKUS_HTTP_SSL_PORT", String.valueOf(tlsPort));
        settings.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_FILE", keyStore.toString());
        settings.put("QUARKUS_HTTP_SSL_CERTIFICATE_KEY_STORE_PASSWORD", PASSWORD);
        training = Upstreams.launch("training", settings);
        training.awaitReady();
        return Map.of(
                "uptake.gateway.routes.training.url",
                "https://localhost:" + tlsPort,
                "uptake.gateway.routes.training.management-url",
                training.managementUrl(),
                "uptake.gateway.upstream-ca",
                caFile.toString());
    }

    @Override
    public void stop() {
        if (training != null) {
            Upstreams.stop(training);
        }
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "keytool");
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", arguments) + " failed: " + output);
        }
    }
}
