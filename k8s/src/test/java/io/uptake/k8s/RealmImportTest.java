package io.uptake.k8s;

import static io.uptake.k8s.Workloads.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The KeycloakRealmImport is the realm of dev/keycloak/uptake-realm.json, less what is for
 * development only. Run with -Duptake.k8s.regenerate=true to write k8s/base/keycloak/realm-import.yaml
 * again after the dev realm changed.
 */
class RealmImportTest {

    static final Path DEV_REALM = Repo.ROOT.resolve("dev/keycloak/uptake-realm.json");
    static final Path REALM_IMPORT = Repo.K8S.resolve("base/keycloak/realm-import.yaml");
    /** Production passwords: long enough, not the user name or e-mail, not one of the last five. */
    static final String PASSWORD_POLICY =
            "length(12) and maxLength(128) and notUsername(undefined) and notEmail(undefined) and passwordHistory(5)";

    static final String DEV_URL = "http://localhost:8080";
    static final String PUBLIC_URL = "https://uptake.example.com";
    /** Local addresses other than the dev one (the web bench's gateway on port 18080): development only. */
    private static final String LOCAL = "http://localhost:";

    private static final String HEADER = """
            # GENERATED from dev/keycloak/uptake-realm.json by RealmImportTest (run it with
            # -Duptake.k8s.regenerate=true to write this file again); do not edit by hand.
            # The same realm, less what is for development only: no demo users (the service accounts of
            # crm-ingest and scim-provisioner stay), no direct access grants on any client, each client secret
            # taken from a Secret, and https://uptake.example.com in place of http://localhost:8080.
            """;

    @Test
    void theRealmImportIsTheDevRealmLessItsDevelopmentShortcuts() throws IOException {
        ObjectNode derived = derive(Schemas.STRICT.readTree(DEV_REALM.toFile()));
        if (Boolean.getBoolean("uptake.k8s.regenerate")) {
            String yaml = YAMLMapper.builder()
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build()
                    .writeValueAsString(derived);
            Files.writeString(REALM_IMPORT, HEADER + yaml);
        }
        JsonNode committed = Overlay.parse(Repo.read(REALM_IMPORT)).getFirst();
        assertThat(committed)
                .as(
                        "k8s/base/keycloak/realm-import.yaml is stale: run RealmImportTest with -Duptake.k8s.regenerate=true")
                .isEqualTo(derived);
    }

    @Test
    void theDerivedRealmHasNoDemoUserNoPasswordGrantAndNoDevelopmentUrl() throws IOException {
        JsonNode dev = Schemas.STRICT.readTree(DEV_REALM.toFile());
        JsonNode realm = derive(dev).at("/spec/realm");
        assertThat(list(dev.path("users")))
                .anySatisfy(user -> assertThat(user.has("credentials")).isTrue());
        assertThat(list(realm.path("users")))
                .extracting(user -> user.path("username").asText())
                .containsExactly("service-account-crm-ingest", "service-account-scim-provisioner");
        assertThat(list(dev.path("clients")))
                .anySatisfy(c -> assertThat(c.path("directAccessGrantsEnabled").asBoolean())
                        .isTrue());
        assertThat(list(realm.path("clients")))
                .allSatisfy(c -> assertThat(c.path("directAccessGrantsEnabled").asBoolean())
                        .isFalse());
        assertThat(realm.toString())
                .doesNotContain(DEV_URL)
                .doesNotContain(LOCAL)
                .contains(PUBLIC_URL);
        assertThat(realm.path("roles")).isEqualTo(dev.path("roles"));
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(3, 10);
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)").contains("notUsername");
        assertThat(realm.path("clientScopes")).isEqualTo(dev.path("clientScopes"));
    }

    /** The production realm import from the dev realm. */
    static ObjectNode derive(JsonNode devRealm) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode realm = (ObjectNode) publicUrls(devRealm.deepCopy());
        ArrayNode serviceAccounts = nodes.arrayNode();
        list(realm.path("users")).stream()
                .filter(user -> user.has("serviceAccountClientId"))
                .forEach(serviceAccounts::add);
        realm.set("users", serviceAccounts);
        // production only (the dev users' passwords are their names): lock out guessing, and ask for real passwords
        realm.put("bruteForceProtected", true)
                .put("permanentLockout", false)
                .put("failureFactor", 5)
                .put("waitIncrementSeconds", 60)
                .put("maxFailureWaitSeconds", 900)
                .put("maxDeltaTimeSeconds", 43200)
                .put("passwordPolicy", PASSWORD_POLICY);
        ObjectNode placeholders = nodes.objectNode();
        for (JsonNode node : realm.path("clients")) {
            ObjectNode client = (ObjectNode) node;
            client.put("directAccessGrantsEnabled", false);
            if (client.has("secret")) {
                String clientId = client.path("clientId").asText();
                String variable = clientId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_SECRET";
                client.put("secret", "${" + variable + "}");
                placeholders.set(
                        variable,
                        nodes.objectNode()
                                .set(
                                        "secret",
                                        nodes.objectNode()
                                                .put("name", "uptake-" + clientId)
                                                .put("key", "secret")));
            }
        }
        ObjectNode doc = nodes.objectNode()
                .put("apiVersion", "k8s.keycloak.org/v2alpha1")
                .put("kind", "KeycloakRealmImport");
        doc.set("metadata", nodes.objectNode().put("name", "uptake-realm"));
        ObjectNode spec = doc.putObject("spec").put("keycloakCRName", "uptake-keycloak");
        spec.set("placeholders", placeholders);
        spec.set("realm", realm);
        return doc;
    }

    /** The dev address becomes the public one; other local addresses (a bench's gateway) are dropped. */
    private static JsonNode publicUrls(JsonNode node) {
        if (node.isTextual()) {
            String text = node.asText().replace(DEV_URL, PUBLIC_URL);
            // "##"-separated lists of addresses, such as post.logout.redirect.uris
            return TextNode.valueOf(String.join(
                    "##",
                    java.util.Arrays.stream(text.split("##"))
                            .filter(part -> !part.startsWith(LOCAL))
                            .toList()));
        }
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isTextual()
                        && array.get(i).asText().startsWith(LOCAL)
                        && !array.get(i).asText().startsWith(DEV_URL)) {
                    array.remove(i);
                }
            }
            for (int i = 0; i < array.size(); i++) {
                array.set(i, publicUrls(array.get(i)));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                field.setValue(publicUrls(field.getValue()));
            }
        }
        return node;
    }
}
