package io.uptake.metrics.scim;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * A person as SCIM 2.0 sees them (RFC 7643's User with the enterprise extension), kept on Uptake's roster: the
 * {@code userName} is the roster's user id (and the resource's {@code id}), {@code title} the job role, the enterprise
 * {@code department} the business unit and {@code manager.value} the manager's user id. A draft while a request is
 * read or patched.
 */
final class ScimUser {

    String userName;
    String externalId;
    String displayName;
    String formattedName;
    String givenName;
    String familyName;
    String email;
    String title;
    String department;
    String managerId;
    boolean active = true;

    /** The Salesforce user id (Uptake's extension); {@code salesforceIdSent}: the request carried it, to set or clear. */
    String salesforceId;

    boolean salesforceIdSent;

    /** Set for a stored person: when they were first provisioned and last changed. */
    OffsetDateTime created;

    OffsetDateTime lastModified;

    ScimUser copy() {
        ScimUser copy = new ScimUser();
        copy.userName = userName;
        copy.externalId = externalId;
        copy.displayName = displayName;
        copy.formattedName = formattedName;
        copy.givenName = givenName;
        copy.familyName = familyName;
        copy.email = email;
        copy.title = title;
        copy.department = department;
        copy.managerId = managerId;
        copy.active = active;
        copy.salesforceId = salesforceId;
        copy.salesforceIdSent = salesforceIdSent;
        copy.created = created;
        copy.lastModified = lastModified;
        return copy;
    }

    /** The roster's display name: {@code name.formatted}, else given and family name, else displayName. */
    String rosterName() {
        if (formattedName != null) {
            return formattedName;
        }
        String composed = composedName();
        return composed != null ? composed : displayName;
    }

    /**
     * New parts of the name; a formatted name that was only the old parts put together follows them (Entra ID
     * patches {@code name.givenName} alone).
     */
    void renamed(String given, String family) {
        boolean composed = formattedName != null && formattedName.equals(composedName());
        givenName = given;
        familyName = family;
        if (composed) {
            formattedName = null;
        }
    }

    private String composedName() {
        if (givenName == null && familyName == null) {
            return null;
        }
        return givenName == null ? familyName : familyName == null ? givenName : givenName + " " + familyName;
    }

    /**
     * Every roster field SCIM keeps (a missing value clears an optional field, and leaves a required one missing);
     * the executive flag is not SCIM's and keeps its value.
     */
    Map<String, Object> rosterFields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("displayName", rosterName());
        fields.put("email", email);
        fields.put("businessUnit", department);
        fields.put("jobRole", title);
        fields.put("managerId", managerId);
        fields.put("active", active);
        return fields;
    }

    /** The SCIM attribute that carries a roster field, to name it in an error. */
    static String attributeOf(String rosterField) {
        return switch (rosterField) {
            case "userId" -> "userName";
            case "displayName" -> "name.formatted";
            case "email" -> "emails";
            case "businessUnit" -> ScimSchemas.ENTERPRISE_USER + ":department";
            case "jobRole" -> "title";
            case "managerId" -> ScimSchemas.ENTERPRISE_USER + ":manager.value";
            case "salesforceId" -> ScimSchemas.UPTAKE_USER + ":salesforceId";
            default -> rosterField;
        };
    }
}
