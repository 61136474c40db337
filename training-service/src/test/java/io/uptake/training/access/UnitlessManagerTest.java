package io.uptake.training.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.uptake.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Test;

/**
 * A manager whose token names no business unit (nora, in the dev realm) manages none: refused with a reason, never
 * answered with every unit's data (the platform's one rule, {@code Caller.ownUnit}).
 */
@QuarkusTest
class UnitlessManagerTest {

    @Test
    void aManagerWithoutAUnitIsRefusedNotShownEveryUnit() {
        String nora = KeycloakTokens.cachedAccessToken("nora");
        for (String path : new String[] {"/api/training/assignments", "/api/training/competency"}) {
            given().auth()
                    .oauth2(nora)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("names no business unit"));
        }
    }
}
