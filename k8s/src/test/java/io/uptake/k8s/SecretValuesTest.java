package io.uptake.k8s;

import static io.uptake.k8s.Workloads.containers;
import static io.uptake.k8s.Workloads.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** No secret value in k8s/ or in what it renders: Secrets are referred to, never written. */
class SecretValuesTest {

    /** Literal values of keys that hold secrets, in YAML or JSON (a ${PLACEHOLDER} is not a value). */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(?<![a-z0-9_.-])\"?(password|passwd|secret|client[-_]?secret|token|api[-_]?key|private[-_]?key)\"?\\s*[:=]\\s*\"?(?!\\$)[^\\s\"{}\\[\\]]+");

    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----");
    private static final Pattern SECRETISH_ENV = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|API_KEY|PRIVATE_KEY).*");

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noSecretIsRenderedWithData(Overlay overlay) {
        assertThat(overlay.ofKind("Secret")).allSatisfy(secret -> {
            assertThat(secret.path("data").size()).isZero();
            assertThat(secret.path("stringData").size()).isZero();
        });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noContainerGetsASecretAsALiteralValue(Overlay overlay) {
        overlay.ofKind("Deployment")
                .flatMap(d -> containers(d).stream())
                .flatMap(c -> list(c.path("env")).stream())
                .filter(env -> SECRETISH_ENV.matcher(env.path("name").asText()).matches())
                .forEach(env -> assertThat(env.has("value"))
                        .as("%s comes from a Secret", env.path("name").asText())
                        .isFalse());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theRealmImportCarriesNoCredentialOrClientSecret(Overlay overlay) {
        JsonNode realm = overlay.get("KeycloakRealmImport", "uptake-realm").at("/spec/realm");
        assertThat(list(realm.path("users")))
                .allSatisfy(user -> assertThat(user.has("credentials")).isFalse());
        assertThat(list(realm.path("clients")))
                .filteredOn(client -> client.has("secret"))
                .allSatisfy(client -> assertThat(client.path("secret").asText()).matches("\\$\\{[A-Z0-9_]+}"));
        JsonNode dev = readDevRealm();
        List<String> devSecrets = new ArrayList<>();
        list(dev.path("clients")).stream()
                .filter(c -> c.has("secret"))
                .forEach(c -> devSecrets.add(c.path("secret").asText()));
        assertThat(devSecrets)
                .isNotEmpty()
                .allSatisfy(secret -> assertThat(overlay.text()).doesNotContain(secret));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theRenderedTextHasNoSecretValue(Overlay overlay) {
        assertThat(overlay.text()).doesNotContainPattern(PEM);
        assertThat(overlay.text()
                        .lines()
                        .filter(line -> SECRET_ASSIGNMENT.matcher(line).find()))
                .as("lines that look like a secret value")
                .isEmpty();
    }

    @Test
    void noFileUnderK8sHoldsASecretValue() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.K8S)) {
            List<Path> text = files.filter(Files::isRegularFile)
                    .filter(p -> !Repo.K8S.relativize(p).startsWith("target"))
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json|txt|properties|env|md)$"))
                    .toList();
            assertThat(text).hasSizeGreaterThan(10).allSatisfy(file -> {
                String content = Repo.read(file);
                assertThat(content).as("%s", file).doesNotContainPattern(PEM);
                assertThat(content.lines()
                                .filter(line -> SECRET_ASSIGNMENT.matcher(line).find())
                                .filter(line -> !file.toString().contains("crd-schemas")))
                        .as("lines of %s that look like a secret value", file)
                        .isEmpty();
            });
        }
    }

    @Test
    void theDetectorFindsASecretValue() {
        assertThat(SECRET_ASSIGNMENT.matcher("  password: hunter2").find()).isTrue();
        assertThat(SECRET_ASSIGNMENT
                        .matcher("\"secret\": \"crm-ingest-secret\",")
                        .find())
                .isTrue();
        assertThat(SECRET_ASSIGNMENT.matcher("  secret: ${CRM_INGEST_SECRET}").find())
                .isFalse();
        assertThat(SECRET_ASSIGNMENT
                        .matcher("      automountServiceAccountToken: false")
                        .find())
                .isFalse();
    }

    private static JsonNode readDevRealm() {
        try {
            return Schemas.STRICT.readTree(
                    Repo.ROOT.resolve("dev/keycloak/uptake-realm.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
