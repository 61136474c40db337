package io.uptake.metrics.scim;

import static io.restassured.RestAssured.given;
import static io.uptake.testsupport.KeycloakTokens.accessToken;
import static io.uptake.testsupport.KeycloakTokens.cachedProvisionerToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.uptake.metrics.roster.PeopleProbe;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SCIM 2.0 provisioning of the roster, with the realm's scim-provisioner client's real token: the requests Okta and
 * Microsoft Entra ID send, an independent SCIM client (UnboundID's SDK), and the roster and {@code uptake.people}
 * showing each change once.
 */
@QuarkusTest
class ScimResourceTest {

    private static final String USERS = "/scim/v2/Users";
    private static final String SCIM_JSON = "application/scim+json";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final Duration PUBLISHED_WITHIN = Duration.ofSeconds(30);

    @TestHTTPResource("/")
    URL service;

    private final PeopleProbe published;

    ScimResourceTest(PeopleProbe published) {
        this.published = published;
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String newUserName(String directory) {
        return directory + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static io.restassured.specification.RequestSpecification directory() {
        return given().auth().oauth2(cachedProvisionerToken()).contentType(SCIM_JSON);
    }

    private static ValidatableResponse person(String userId) {
        return given().auth()
                .oauth2(accessToken("adam"))
                .when()
                .get("/api/metrics/people/" + userId)
                .then()
                .statusCode(200);
    }

    private void awaitPublished(String userId, int count) {
        await().atMost(PUBLISHED_WITHIN)
                .untilAsserted(() -> assertThat(published.valuesFor(userId)).hasSize(count));
    }

    @Test
    void oktasSequenceCreatesUpdatesAndDeactivatesAPersonAndEachChangeIsPublishedOnce() {
        String userName = newUserName("okta");
        directory()
                .queryParam("filter", "userName eq \"" + userName + "\"")
                .queryParam("startIndex", 1)
                .queryParam("count", 100)
                .when()
                .get(USERS)
                .then()
                .statusCode(200)
                .contentType(containsString(SCIM_JSON))
                .body("totalResults", equalTo(0))
                .body("Resources", hasSize(0));
        String okta = """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                 "userName": "%s", "name": {"givenName": "Olga", "familyName": "Okta"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}],
                 "displayName": "Olga Okta", "locale": "en-US", "externalId": "00u1okta", "groups": [],
                 "password": "never-kept", "active": %s, "title": "%s",
                 "%s": {"department": "Sales EMEA"}}""";
        directory()
                .body(okta.formatted(ENTERPRISE, userName, userName, true, "sales-rep", ENTERPRISE))
                .when()
                .post(USERS)
                .then()
                .statusCode(201)
                .contentType(containsString(SCIM_JSON))
                .header("Location", containsString(USERS + "/" + userName))
                .body("id", equalTo(userName))
                .body("name.formatted", equalTo("Olga Okta"))
                .body("active", equalTo(true))
                .body("'" + ENTERPRISE + "'.department", equalTo("Sales EMEA"));
        person(userName).body("displayName", equalTo("Olga Okta")).body("jobRole", equalTo("sales-rep"));
        directory()
                .queryParam("filter", "userName eq \"" + userName.toUpperCase() + "\"")
                .when()
                .get(USERS)
                .then()
                .body("totalResults", equalTo(1))
                .body("Resources[0].externalId", equalTo("00u1okta"));

        // Okta updates by PUT of the whole user, and deactivates by PUT with active false
        directory()
                .body(okta.formatted(ENTERPRISE, userName, userName, true, "sales-lead", ENTERPRISE))
                .when()
                .put(USERS + "/" + userName)
                .then()
                .statusCode(200)
                .body("title", equalTo("sales-lead"));
        directory()
                .body(okta.formatted(ENTERPRISE, userName, userName, false, "sales-lead", ENTERPRISE))
                .when()
                .put(USERS + "/" + userName)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        person(userName).body("jobRole", equalTo("sales-lead")).body("active", equalTo(false));
        awaitPublished(userName, 3);

        // the same PUT again changes nothing and publishes nothing: the next change is the fourth message
        directory()
                .body(okta.formatted(ENTERPRISE, userName, userName, false, "sales-lead", ENTERPRISE))
                .when()
                .put(USERS + "/" + userName)
                .then()
                .statusCode(200);
        directory()
                .body(okta.formatted(ENTERPRISE, userName, userName, true, "sales-lead", ENTERPRISE))
                .when()
                .put(USERS + "/" + userName)
                .then()
                .statusCode(200);
        awaitPublished(userName, 4);
        assertThat(published.valuesFor(userName).get(3)).containsPattern("\"active\"\\s*:\\s*true");
    }

    @Test
    void entraIdsSequenceWithCapitalisedOperationsStringBooleansAndExternalIdFilters() {
        String userName = newUserName("entra");
        String externalId = UUID.randomUUID().toString();
        directory()
                .queryParam("filter", "externalId eq \"" + externalId + "\"")
                .when()
                .get(USERS)
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0));
        directory()
                .body("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                         "externalId": "%s", "userName": "%s", "active": true, "displayName": "Emil Entra",
                         "emails": [{"primary": true, "type": "work", "value": "%s"}],
                         "name": {"formatted": "Emil Entra", "familyName": "Entra", "givenName": "Emil"},
                         "title": "support-agent",
                         "%s": {"department": "Support", "manager": {"value": "mark"}}}""".formatted(ENTERPRISE, externalId, userName, userName, ENTERPRISE))
                .when()
                .post(USERS)
                .then()
                .statusCode(201)
                .body("'" + ENTERPRISE + "'.manager.value", equalTo("mark"))
                // RFC 7643 §3.1: the resource's URI, as the directory reached it
                .body("meta.location", equalTo(service + "scim/v2/Users/" + userName))
                .header("Location", equalTo(service + "scim/v2/Users/" + userName));
        directory()
                .body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "path": "title", "value": "support-lead"},
                                        {"op": "Replace", "path": "%s:department", "value": "Sales EMEA"}]}""".formatted(ENTERPRISE))
                .when()
                .patch(USERS + "/" + userName)
                .then()
                .statusCode(200)
                .body("title", equalTo("support-lead"));
        directory()
                .queryParam("filter", "externalId eq \"" + externalId + "\"")
                .when()
                .get(USERS)
                .then()
                .body("totalResults", equalTo(1))
                .body("Resources[0].id", equalTo(userName))
                .body("Resources[0].'" + ENTERPRISE + "'.department", equalTo("Sales EMEA"));
        directory()
                .body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Replace", "path": "active", "value": "False"}]}""")
                .when()
                .patch(USERS + "/" + userName)
                .then()
                .statusCode(200)
                .body("active", equalTo(false));
        // Uptake's own extension: the Salesforce user id, matched in Event Monitoring imports
        String salesforceId =
                "005" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        directory()
                .body("""
                        {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                         "Operations": [{"op": "Add", "path": "urn:uptake:params:scim:schemas:extension:2.0:User:salesforceId",
                                         "value": "%sAAA"}]}""".formatted(salesforceId))
                .when()
                .patch(USERS + "/" + userName)
                .then()
                .statusCode(200)
                .body("'urn:uptake:params:scim:schemas:extension:2.0:User'.salesforceId", equalTo(salesforceId));
        person(userName)
                .body("externalIds.salesforce", equalTo(salesforceId))
                .body("businessUnit", equalTo("Sales EMEA"))
                .body("jobRole", equalTo("support-lead"))
                .body("managerId", equalTo("mark"))
                .body("active", equalTo(false));
        directory().when().delete(USERS + "/" + userName).then().statusCode(204);
        person(userName).body("active", equalTo(false));
        awaitPublished(userName, 3);
        // RFC 7644 §3.6: a deleted user is gone for the directory, whatever it asks; the person's history stays
        directory().when().get(USERS + "/" + userName).then().statusCode(404);
        directory().when().delete(USERS + "/" + userName).then().statusCode(404);
        directory()
                .queryParam("filter", "userName eq \"" + userName + "\"")
                .when()
                .get(USERS)
                .then()
                .statusCode(200)
                .body("totalResults", equalTo(0));
        // and provisioned again by a new POST: the same person, back on the roster
        directory()
                .body("""
                        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%s"],
                         "externalId": "%s", "userName": "%s", "active": true,
                         "name": {"formatted": "Emil Entra"}, "title": "support-agent",
                         "%s": {"department": "Support"}}""".formatted(ENTERPRISE, externalId, userName, ENTERPRISE))
                .when()
                .post(USERS)
                .then()
                .statusCode(201);
        directory().when().get(USERS + "/" + userName).then().statusCode(200).body("active", equalTo(true));
        person(userName).body("active", equalTo(true));
    }

    @Test
    void anIndependentScimClientCreatesPatchesAndSearches() throws Exception {
        String userName = newUserName("unboundid");
        Client client = ClientBuilder.newClient();
        try {
            ScimService scim = new ScimService(client.target(service.toString() + "scim/v2")
                    .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                            request.getHeaders().putSingle("Authorization", "Bearer " + cachedProvisionerToken())));
            UserResource user = new UserResource()
                    .setUserName(userName)
                    .setName(new Name().setGivenName("Una").setFamilyName("Bound"))
                    .setTitle("sales-rep")
                    .setActive(true)
                    .setEmails(List.of(
                            new Email().setValue(userName).setType("work").setPrimary(true)));
            user.setExtension(new EnterpriseUserExtension().setDepartment("Sales EMEA"));
            UserResource created = scim.create("Users", user);
            assertThat(created.getId()).isEqualTo(userName);
            assertThat(created.getName().getFormatted()).isEqualTo("Una Bound");

            UserResource patched = scim.modifyRequest("Users", userName)
                    .replaceValue("title", "sales-lead")
                    .invoke(UserResource.class);
            assertThat(patched.getTitle()).isEqualTo("sales-lead");

            ListResponse<UserResource> found = scim.searchRequest("Users")
                    .filter("userName eq \"" + userName + "\"")
                    .invoke(UserResource.class);
            assertThat(found.getTotalResults()).isEqualTo(1);
            assertThat(found.getResources().get(0).getTitle()).isEqualTo("sales-lead");
            assertThat(found.getResources()
                            .get(0)
                            .getExtension(EnterpriseUserExtension.class)
                            .getDepartment())
                    .isEqualTo("Sales EMEA");
        } finally {
            client.close();
        }
        person(userName).body("jobRole", equalTo("sales-lead")).body("displayName", equalTo("Una Bound"));
        awaitPublished(userName, 2);
    }

    @Test
    void errorsAreScimDocumentsAndTheProvisioningRoleCanDoNothingElse() {
        directory()
                .body("{\"name\": {\"formatted\": \"No Name\"}}")
                .when()
                .post(USERS)
                .then()
                .statusCode(400)
                .contentType(containsString(SCIM_JSON))
                .body("schemas", hasItem("urn:ietf:params:scim:api:messages:2.0:Error"))
                .body("status", equalTo("400"))
                .body("scimType", equalTo("invalidValue"))
                .body("detail", containsString("userName"));
        String userName = newUserName("bad");
        directory()
                .body("{\"userName\": \"" + userName + "\", \"title\": \"sales-rep\"}")
                .when()
                .post(USERS)
                .then()
                .statusCode(400)
                .body("detail", containsString(ENTERPRISE + ":department: is required"));
        directory()
                .body("{not json")
                .when()
                .post(USERS)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidSyntax"));
        directory()
                .queryParam("filter", "title eq \"x\"")
                .when()
                .get(USERS)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("invalidFilter"));
        directory().when().get(USERS + "/" + userName).then().statusCode(404).body("status", equalTo("404"));
        String valid = "{\"userName\": \"" + userName + "\", \"displayName\": \"Val Id\", \"title\": \"t\", \""
                + ENTERPRISE + "\": {\"department\": \"d\"}}";
        directory().body(valid).when().post(USERS).then().statusCode(201);
        directory().body(valid).when().post(USERS).then().statusCode(409).body("scimType", equalTo("uniqueness"));
        directory()
                .body("{\"userName\": \"someone-else\"}")
                .when()
                .put(USERS + "/" + userName)
                .then()
                .statusCode(400)
                .body("scimType", equalTo("mutability"));
        directory()
                .when()
                .get("/scim/v2/ServiceProviderConfig")
                .then()
                .statusCode(200)
                .body("patch.supported", equalTo(true))
                .body("filter.supported", equalTo(true));
        directory().when().get("/scim/v2/Schemas").then().statusCode(200).body("Resources.id", hasItem(ENTERPRISE));
        directory()
                .when()
                .get("/scim/v2/ResourceTypes")
                .then()
                .statusCode(200)
                .body("Resources[0].id", equalTo("User"));

        // the directory's token opens nothing else, and nobody else but an admin opens SCIM
        given().auth()
                .oauth2(cachedProvisionerToken())
                .when()
                .get("/api/metrics/people")
                .then()
                .statusCode(403);
        given().auth().oauth2(accessToken("alice")).when().get(USERS).then().statusCode(403);
        given().when().get(USERS).then().statusCode(401);
        given().auth().oauth2(accessToken("adam")).when().get(USERS).then().statusCode(200);
    }
}
