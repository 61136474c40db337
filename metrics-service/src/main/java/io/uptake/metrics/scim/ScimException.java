package io.uptake.metrics.scim;

/** A SCIM error (RFC 7644, 3.12): its HTTP status, its {@code scimType} where the RFC names one, and a detail. */
class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;

    ScimException(int status, String scimType, String detail) {
        super(detail);
        this.status = status;
        this.scimType = scimType;
    }

    static ScimException invalidValue(String detail) {
        return new ScimException(400, "invalidValue", detail);
    }

    static ScimException notFound(String id) {
        return new ScimException(404, null, "No user " + id);
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }
}
