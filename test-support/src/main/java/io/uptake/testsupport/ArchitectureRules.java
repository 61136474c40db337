package io.uptake.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/** The rules of docs/adr/0001-persistence.md that a build can check, shared by the three services' tests. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** A resource holds no pool and writes no SQL: that lives in one store per aggregate. */
    public static final ArchRule RESOURCES_HOLD_NO_SQL = noClasses().that().haveSimpleNameEndingWith("Resource")
            .should().dependOnClassesThat().resideInAnyPackage("io.vertx.mutiny.sqlclient..", "io.vertx.sqlclient..")
            .because("SQL lives in one store per aggregate (docs/adr/0001-persistence.md)");
}
