package io.uptake.metrics.scim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Users, lists and the service provider's own documents as SCIM clients read them. */
final class ScimJson {

    static final String USERS = "/scim/v2/Users";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScimJson() {}

    /** {@code origin}: the scheme, host and port the directory called (RFC 7643 §3.1: {@code meta.location} is the URI). */
    static ObjectNode user(ScimUser user, String origin) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimSchemas.USER).add(ScimSchemas.ENTERPRISE_USER);
        node.put("id", user.userName);
        if (user.externalId != null) {
            node.put("externalId", user.externalId);
        }
        node.put("userName", user.userName);
        ObjectNode name = node.putObject("name").put("formatted", user.rosterName());
        if (user.givenName != null) {
            name.put("givenName", user.givenName);
        }
        if (user.familyName != null) {
            name.put("familyName", user.familyName);
        }
        node.put("displayName", user.rosterName());
        if (user.email != null) {
            node.putArray("emails")
                    .addObject()
                    .put("value", user.email)
                    .put("type", "work")
                    .put("primary", true);
        }
        node.put("title", user.title);
        node.put("active", user.active);
        ObjectNode enterprise = node.putObject(ScimSchemas.ENTERPRISE_USER).put("department", user.department);
        if (user.managerId != null) {
            enterprise
                    .putObject("manager")
                    .put("value", user.managerId)
                    .put("$ref", origin + USERS + "/" + user.managerId);
        }
        if (user.salesforceId != null) {
            node.withArray("schemas").add(ScimSchemas.UPTAKE_USER);
            node.putObject(ScimSchemas.UPTAKE_USER).put("salesforceId", user.salesforceId);
        }
        ObjectNode meta = node.putObject("meta").put("resourceType", "User");
        if (user.created != null) {
            meta.put("created", user.created.toString());
        }
        if (user.lastModified != null) {
            meta.put("lastModified", user.lastModified.toString());
        }
        meta.put("location", origin + USERS + "/" + user.userName);
        return node;
    }

    /** {@code startIndex}: 1-based, as RFC 7644 counts. */
    static ObjectNode list(List<ScimUser> users, long total, int startIndex, String origin) {
        ObjectNode node = NODES.objectNode();
        node.putArray("schemas").add(ScimSchemas.LIST_RESPONSE);
        node.put("totalResults", total);
        node.put("startIndex", startIndex);
        node.put("itemsPerPage", users.size());
        ArrayNode resources = node.putArray("Resources");
        users.forEach(user -> resources.add(user(user, origin)));
        return node;
    }
}
