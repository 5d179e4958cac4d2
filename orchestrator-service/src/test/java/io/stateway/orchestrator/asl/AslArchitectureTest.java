package io.stateway.orchestrator.asl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The ASL engine is plain Java: no framework, no database, no runtime reaching into it. */
class AslArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stateway.orchestrator.asl");

    @Test
    void engine_dependsOnNoFrameworkStorageOrNetwork() {
        noClasses()
                .that()
                .resideInAPackage("io.stateway.orchestrator.asl..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "java.net.http..")
                .check(classes);
    }

    @Test
    void engine_dependsOnNothingElseOfTheOrchestrator() {
        noClasses()
                .that()
                .resideInAPackage("io.stateway.orchestrator.asl..")
                .should()
                .dependOnClassesThat()
                .resideOutsideOfPackages(
                        "io.stateway.orchestrator.asl..",
                        "io.stateway.model..",
                        "tools.jackson..",
                        "com.fasterxml.jackson.annotation..",
                        "com.dashjoin.jsonata..",
                        "java..")
                .check(classes);
    }
}
