package io.uptake.platform.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.security.Principal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsTheUserTheClaimsAndTheRoles() {
        Caller caller = Caller.of(identity(
                token("ana", Map.of("business_unit", "north", "job_role", "rep", "name", "Ana Alvarez")),
                "admin",
                "executive",
                "manager",
                "hr"));

        assertThat(caller).isEqualTo(new Caller("ana", "north", "rep", true, true, true, true, "Ana Alvarez"));
    }

    @Test
    void theDisplayNameIsTheNameClaimElseThePreferredUsername() {
        Caller named = Caller.of(
                identity(token("ana", Map.of("name", "  Ana Alvarez ", "preferred_username", "ana")), "employee"));
        Caller userNameOnly = Caller.of(identity(token("ana", Map.of("preferred_username", "ana")), "employee"));
        Caller blankName =
                Caller.of(identity(token("ana", Map.of("name", " ", "preferred_username", "ana")), "employee"));

        assertThat(named.displayName()).isEqualTo("Ana Alvarez");
        assertThat(userNameOnly.displayName()).isEqualTo("ana");
        assertThat(blankName.displayName()).isEqualTo("ana");
    }

    @Test
    void aTokenWithNeitherNameClaimHasNoDisplayName() {
        assertThat(Caller.of(identity(token("ana", Map.of()), "employee")).displayName())
                .isNull();
        assertThat(Caller.of(identity(new QuarkusPrincipal("service"), "admin")).displayName())
                .isNull();
    }

    @Test
    void aRoleNotGrantedIsFalse() {
        Caller caller = Caller.of(identity(token("ana", Map.of("business_unit", "north")), "hr"));

        assertThat(caller.hr()).isTrue();
        assertThat(caller.admin()).isFalse();
        assertThat(caller.executive()).isFalse();
        assertThat(caller.manager()).isFalse();
    }

    @Test
    void aTokenWithoutTheClaimsLeavesUnitAndJobRoleNull() {
        Caller caller = Caller.of(identity(token("ana", Map.of()), "manager"));

        assertThat(caller.userId()).isEqualTo("ana");
        assertThat(caller.businessUnit()).isNull();
        assertThat(caller.jobRole()).isNull();
    }

    @Test
    void aPrincipalThatIsNoTokenHasNoUnitOrJobRole() {
        Caller caller = Caller.of(identity(new QuarkusPrincipal("service"), "admin"));

        assertThat(caller).isEqualTo(new Caller("service", null, null, true, false, false, false));
    }

    @Test
    void aManagerManagesTheirOwnUnitOnly() {
        Caller manager = new Caller("mia", "north", "lead", false, false, true, false);

        assertThat(manager.managesUnit("north")).isTrue();
        assertThat(manager.managesUnit("south")).isFalse();
        assertThat(manager.managesUnit(null)).isFalse();
    }

    @Test
    void aManagerWithoutAUnitManagesNone() {
        Caller manager = new Caller("mia", null, null, false, false, true, false);

        assertThat(manager.managesUnit("north")).isFalse();
        assertThat(manager.managesUnit(null)).isFalse();
    }

    @Test
    void onlyManagersManageAUnit() {
        Caller admin = new Caller("ada", "north", null, true, true, false, true);

        assertThat(admin.managesUnit("north")).isFalse();
    }

    @Test
    void theCurrentCallerReadsTheIdentityOncePerRequest() {
        CurrentCaller current = new CurrentCaller();
        current.identity = identity(token("ana", Map.of("business_unit", "north")), "manager");

        Caller first = current.get();

        assertThat(first.managesUnit("north")).isTrue();
        assertThat(current.get()).isSameAs(first);
    }

    private static SecurityIdentity identity(Principal principal, String... roles) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRoles(Set.of(roles))
                .build();
    }

    private static JsonWebToken token(String name, Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
