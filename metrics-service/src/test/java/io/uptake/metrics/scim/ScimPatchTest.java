package io.uptake.metrics.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The resources and patches that Okta and Microsoft Entra ID send, read into the roster's fields. */
class ScimPatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ScimUser stored() {
        ScimUser user = ScimAttributes.read(json("""
                {"userName": "ida@example.com", "name": {"givenName": "Ida", "familyName": "Park"},
                 "emails": [{"value": "home@example.com", "type": "home"}, {"value": "ida@example.com", "type": "work"}],
                 "title": "sales-rep", "active": true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"department": "Sales EMEA", "manager": {"value": "mark"}}}"""));
        return user;
    }

    @Test
    void aResourceAsOktaCreatesItGivesEveryRosterField() {
        ScimUser user = stored();
        assertThat(user.rosterFields())
                .containsEntry("displayName", "Ida Park")
                .containsEntry("email", "ida@example.com")
                .containsEntry("businessUnit", "Sales EMEA")
                .containsEntry("jobRole", "sales-rep")
                .containsEntry("managerId", "mark")
                .containsEntry("active", true);
        assertThat(ScimAttributes.read(json("{\"userName\": \"x\", \"name\": {\"formatted\": \"Dr X\"}}"))
                        .rosterName())
                .isEqualTo("Dr X");
    }

    @Test
    void entraIdsCapitalisedOperationsAndItsStringBooleansAreRead() {
        ScimUser patched = ScimPatch.apply(stored(), json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [
                   {"op": "Replace", "path": "active", "value": "False"},
                   {"op": "Add", "path": "name.givenName", "value": "Idris"},
                   {"op": "Replace", "path": "emails[type eq \\"work\\"].value", "value": "idris@example.com"},
                   {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
                    "value": "Sales APAC"},
                   {"op": "Replace", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
                    "value": "mia"},
                   {"op": "Add", "path": "externalId", "value": "0f1e"},
                   {"op": "Replace", "path": "phoneNumbers[type eq \\"work\\"].value", "value": "ignored"}]}"""));
        assertThat(patched.active).isFalse();
        assertThat(patched.rosterName()).isEqualTo("Idris Park");
        assertThat(patched.email).isEqualTo("idris@example.com");
        assertThat(patched.department).isEqualTo("Sales APAC");
        assertThat(patched.managerId).isEqualTo("mia");
        assertThat(patched.externalId).isEqualTo("0f1e");
        assertThat(stored().active).as("the patch works on a copy").isTrue();
    }

    @Test
    void oktasPathlessReplaceAndARemoveAreRead() {
        ScimUser patched = ScimPatch.apply(stored(), json("""
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "value": {"active": false, "title": "sales-lead"}},
                                {"op": "remove", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]}"""));
        assertThat(patched.active).isFalse();
        assertThat(patched.title).isEqualTo("sales-lead");
        assertThat(patched.managerId).isNull();
    }

    @Test
    void aPatchThatCannotBeReadIsAnErrorNamingWhatIsWrong() {
        assertThatThrownBy(() -> ScimPatch.apply(stored(), json("{\"Operations\": []}")))
                .isInstanceOf(ScimException.class)
                .hasMessageContaining("Operations");
        assertThatThrownBy(() -> ScimPatch.apply(
                        stored(),
                        json("{\"Operations\": [{\"op\": \"replace\", \"path\": \"active\", \"value\": \"maybe\"}]}")))
                .isInstanceOf(ScimException.class)
                .hasMessage("active must be true or false");
        assertThatThrownBy(() ->
                        ScimPatch.apply(stored(), json("{\"Operations\": [{\"op\": \"move\", \"path\": \"title\"}]}")))
                .hasMessageContaining("op must be add, replace or remove");
        assertThatThrownBy(() -> ScimPatch.apply(
                        stored(), json("{\"Operations\": [{\"op\": \"remove\", \"path\": \"userName\"}]}")))
                .isInstanceOf(ScimException.class)
                .extracting(error -> ((ScimException) error).scimType())
                .isEqualTo("mutability");
        assertThatThrownBy(() -> ScimPatch.apply(
                        stored(), json("{\"Operations\": [{\"op\": \"replace\", \"path\": \"title\", \"value\": 7}]}")))
                .hasMessage("title must be a string");
    }

    @Test
    void uptakesExtensionCarriesTheSalesforceIdAndOnlyARequestThatSendsItChangesIt() {
        ScimUser put = ScimAttributes.read(json("{\"userName\": \"x\", \"title\": \"t\"}"));
        assertThat(put.salesforceIdSent)
                .as("a PUT without it leaves it as it is")
                .isFalse();
        ScimUser sent = ScimAttributes.read(json("""
                {"userName": "x", "urn:uptake:params:scim:schemas:extension:2.0:User": {"salesforceId": "005000000000AAA"}}"""));
        assertThat(sent.salesforceId).isEqualTo("005000000000AAA");
        assertThat(sent.salesforceIdSent).isTrue();
        ScimUser removed = ScimPatch.apply(sent, json("""
                {"Operations": [{"op": "remove", "path": "urn:uptake:params:scim:schemas:extension:2.0:User:salesforceId"}]}"""));
        assertThat(removed.salesforceId).isNull();
        assertThat(removed.salesforceIdSent).isTrue();
    }
}
