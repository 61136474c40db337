package io.uptake.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/** The architecture rules a build can check (docs/adr/0001-persistence.md, one package per feature), shared by the services' tests. */
public final class ArchitectureRules {

    private ArchitectureRules() {}

    /** A resource holds no pool and writes no SQL: that lives in one store per aggregate. */
    public static final ArchRule RESOURCES_HOLD_NO_SQL = noClasses()
            .that()
            .haveSimpleNameEndingWith("Resource")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.vertx.mutiny.sqlclient..",
                    "io.vertx.sqlclient..",
                    "io.vertx.pgclient..",
                    "io.vertx.mutiny.pgclient..")
            .because("SQL lives in one store per aggregate (docs/adr/0001-persistence.md)");

    /** The feature packages of a service ({@code io.uptake.metrics.roster}, {@code …report}, …) depend on each other without a cycle. */
    public static ArchRule featuresFreeOfCycles(String servicePackage) {
        return slices().matching(servicePackage + ".(*)..")
                .should()
                .beFreeOfCycles()
                .because(
                        "a feature may use another, never the other way round as well: cycles make features inseparable");
    }
}
