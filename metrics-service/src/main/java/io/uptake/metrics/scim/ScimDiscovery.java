package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a SCIM client asks before it provisions (RFC 7644, section 4): the features Uptake offers, its one resource
 * type (User, with the enterprise extension) and the attributes of both schemas that it keeps.
 */
final class ScimDiscovery {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final int MAX_RESULTS = 500;

    private ScimDiscovery() {}

    static ObjectNode serviceProviderConfig() {
        ObjectNode config = NODES.objectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.putObject("patch").put("supported", true);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", true).put("maxResults", MAX_RESULTS);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", false);
        config.putArray("authenticationSchemes")
                .addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put(
                        "description",
                        "A token of the realm's scim-provisioner client (client credentials, role provisioning)")
                .put("primary", true);
        config.set("meta", meta("ServiceProviderConfig", "/scim/v2/ServiceProviderConfig"));
        return config;
    }

    static ObjectNode resourceTypes() {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
        user.put("id", "User").put("name", "User").put("endpoint", "/Users");
        user.put("description", "A person on Uptake's roster").put("schema", ScimSchemas.USER);
        ArrayNode extensions = user.putArray("schemaExtensions");
        extensions.addObject().put("schema", ScimSchemas.ENTERPRISE_USER).put("required", false);
        extensions.addObject().put("schema", ScimSchemas.UPTAKE_USER).put("required", false);
        user.set("meta", meta("ResourceType", "/scim/v2/ResourceTypes/User"));
        return list(user);
    }

    static ObjectNode schemas() {
        ObjectNode core = schema(ScimSchemas.USER, "User", "A person on Uptake's roster");
        ArrayNode attributes = core.putArray("attributes");
        attributes.add(
                attribute("userName", "string", true, "The person's user id: 1 to 100 letters, digits or . _ @ + -")
                        .put("uniqueness", "server"));
        attributes.add(attribute("externalId", "string", false, "The directory's own id for the person"));
        ObjectNode name = attribute("name", "complex", false, "The person's name; formatted, else given and family");
        name.putArray("subAttributes")
                .add(attribute("formatted", "string", false, "The full name Uptake shows"))
                .add(attribute("givenName", "string", false, "Given name"))
                .add(attribute("familyName", "string", false, "Family name"));
        attributes.add(name);
        attributes.add(attribute("displayName", "string", false, "Shown when there is no name"));
        ObjectNode emails = attribute("emails", "complex", false, "The primary (else work, else first) is kept")
                .put("multiValued", true);
        emails.putArray("subAttributes").add(attribute("value", "string", false, "An e-mail address"));
        attributes.add(emails);
        attributes.add(attribute("title", "string", true, "The job role objectives are set for"));
        attributes.add(attribute("active", "boolean", false, "false takes the person off the roster"));
        ObjectNode enterprise =
                schema(ScimSchemas.ENTERPRISE_USER, "EnterpriseUser", "The unit and manager of the person");
        ObjectNode manager = attribute("manager", "complex", false, "The person's manager");
        manager.putArray("subAttributes").add(attribute("value", "string", false, "The manager's user id"));
        enterprise
                .putArray("attributes")
                .add(attribute("department", "string", true, "The business unit objectives are set for"))
                .add(manager);
        ObjectNode uptake = schema(ScimSchemas.UPTAKE_USER, "UptakeUser", "The person's ids in other systems");
        uptake.putArray("attributes")
                .add(attribute(
                        "salesforceId",
                        "string",
                        false,
                        "The Salesforce user id (15 or 18 characters), matched in Event Monitoring imports"));
        return list(core, enterprise, uptake);
    }

    private static ObjectNode schema(String id, String name, String description) {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
        schema.put("id", id).put("name", name).put("description", description);
        schema.set("meta", meta("Schema", "/scim/v2/Schemas/" + id));
        return schema;
    }

    private static ObjectNode attribute(String name, String type, boolean required, String description) {
        return NODES.objectNode()
                .put("name", name)
                .put("type", type)
                .put("multiValued", false)
                .put("description", description)
                .put("required", required)
                .put("caseExact", false)
                .put("mutability", name.equals("userName") ? "immutable" : "readWrite")
                .put("returned", "default")
                .put("uniqueness", "none");
    }

    private static ObjectNode meta(String resourceType, String location) {
        return NODES.objectNode().put("resourceType", resourceType).put("location", location);
    }

    private static ObjectNode list(ObjectNode... resources) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        node.put("totalResults", resources.length);
        node.put("startIndex", 1);
        node.put("itemsPerPage", resources.length);
        ArrayNode array = node.putArray("Resources");
        for (ObjectNode resource : resources) {
            array.add(resource);
        }
        return node;
    }
}
