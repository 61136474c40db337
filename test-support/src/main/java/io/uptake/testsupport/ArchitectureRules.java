package io.uptake.testsupport;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
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

    /** Where a statement is handed to the database: the SQL client, Hibernate Reactive's sessions and Panache. */
    private static final DescribedPredicate<JavaCall<?>> RUNS_SQL = target(
                    owner(JavaClass.Predicates.resideInAnyPackage(
                            "io.vertx.mutiny.sqlclient..",
                            "io.vertx.sqlclient..",
                            "io.vertx.pgclient..",
                            "io.vertx.mutiny.pgclient..")))
            .and(target(nameMatching("query|preparedQuery|execute|executeBatch")))
            .or(target(owner(JavaClass.Predicates.resideInAnyPackage(
                            "org.hibernate.reactive..", "io.quarkus.hibernate.reactive.panache..")))
                    // opening a session or a transaction is the caller's to do; the statements are the store's
                    .and(DescribedPredicate.not(target(nameMatching("withSession|withTransaction|getSession")))))
            .as("a statement run through the SQL client or a Hibernate Reactive session");

    /**
     * Only a store, repository or queries class runs SQL; services compose them, consumers and timers call
     * them (they may open the transaction and pass its connection along, ADR 0001 rule 4).
     */
    public static final ArchRule ONLY_STORES_RUN_SQL = noClasses()
            .that()
            .haveSimpleNameNotEndingWith("Store")
            .and()
            .haveSimpleNameNotEndingWith("Repository")
            .and()
            .haveSimpleNameNotEndingWith("Queries")
            .should()
            .callMethodWhere(RUNS_SQL)
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
