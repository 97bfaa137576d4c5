package com.complaintengine.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md, as executable rules. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                         .importPackages("com.complaintengine");
    }

    @Test
    void command_side_should_not_depend_on_query_side() {
        noClasses().that().resideInAPackage("com.complaintengine.command..")
                   .should().dependOnClassesThat().resideInAPackage("com.complaintengine.query..")
                   .check(classes);
    }

    @Test
    void query_side_should_not_depend_on_command_side() {
        noClasses().that().resideInAPackage("com.complaintengine.query..")
                   .should().dependOnClassesThat().resideInAPackage("com.complaintengine.command..")
                   .check(classes);
    }

    @Test
    void api_should_not_depend_on_spring_jpa_or_jackson() {
        noClasses().that().resideInAPackage("com.complaintengine.api..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                           "com.fasterxml.jackson..", "tools.jackson..")
                   .check(classes);
    }

    @Test
    void api_should_not_depend_on_the_sides_or_the_server() {
        noClasses().that().resideInAPackage("com.complaintengine.api..")
                   .should().dependOnClassesThat().resideInAnyPackage("com.complaintengine.command..",
                           "com.complaintengine.query..", "com.complaintengine.server..")
                   .check(classes);
    }
}
