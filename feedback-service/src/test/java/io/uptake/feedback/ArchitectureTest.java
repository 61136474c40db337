package io.uptake.feedback;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.uptake.testsupport.ArchitectureRules;

/** The persistence rule of docs/adr/0001-persistence.md and feature packages without cycles, checked on this service's classes. */
@AnalyzeClasses(packages = "io.uptake.feedback", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule resourcesHoldNoSql = ArchitectureRules.RESOURCES_HOLD_NO_SQL;

    @ArchTest
    static final ArchRule onlyStoresRunSql = ArchitectureRules.ONLY_STORES_RUN_SQL;

    @ArchTest
    static final ArchRule featuresFreeOfCycles = ArchitectureRules.featuresFreeOfCycles("io.uptake.feedback");
}
