package io.uptake.metrics.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.security.ForbiddenException;
import io.uptake.platform.access.Caller;
import org.junit.jupiter.api.Test;

/** A manager's own unit: the realm has no manager without a unit, so that case is checked here. */
class ScopeTest {

    private static Caller manager(String unit) {
        return new Caller("m", unit, "sales-manager", false, false, true, false);
    }

    @Test
    void aManagerGetsTheirOwnUnitNamedOrNot() {
        assertThat(Scope.ownUnit(manager("Sales"), null)).isEqualTo("Sales");
        assertThat(Scope.ownUnit(manager("Sales"), "Sales")).isEqualTo("Sales");
    }

    @Test
    void anotherUnitAManagerWithoutAUnitAndNonManagersAreRefused() {
        assertThatThrownBy(() -> Scope.ownUnit(manager("Sales"), "Support"))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("own business unit");
        assertThatThrownBy(() -> Scope.ownUnit(manager(null), null))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("business_unit");
        assertThatThrownBy(() -> Scope.ownUnit(new Caller("e", "Sales", "rep", false, true, false, false), null))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> Scope.businessUnit(manager(null), null)).isInstanceOf(ForbiddenException.class);
    }
}
