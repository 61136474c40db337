package io.uptake.metrics.scim;

/** The URNs of SCIM 2.0 (RFC 7643, RFC 7644) that Uptake reads and writes. */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Uptake's own extension: the person's ids in other systems (today the Salesforce user id). */
    static final String UPTAKE_USER = "urn:uptake:params:scim:schemas:extension:2.0:User";

    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String MEDIA_TYPE = "application/scim+json";

    private ScimSchemas() {}
}
