package org.tickerdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the code base, checked on every build. Components are the packages {@code
 * org.tickerdesk.<component>}; each keeps {@code boundary} (how the world reaches it), {@code
 * control} (logic) and {@code entity} (values), and the ibkr adapter its concern packages.
 */
class ArchitectureTest {

    private static final JavaClasses MAIN =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages("org.tickerdesk");

    @Test
    void componentsFormNoCycle() {
        slices().matching("org.tickerdesk.(*)..")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void logicAndValuesNeverReachABoundary() {
        noClasses()
                .that()
                .resideInAnyPackage("..control..", "..entity..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..boundary..")
                .check(MAIN);
    }

    @Test
    void webSocketAndRestTypesStayInBoundaries() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..boundary..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("jakarta.websocket..", "jakarta.ws.rs..")
                .check(MAIN);
    }

    @Test
    void onlyIbkrKnowsIbkr() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.tickerdesk.ibkr..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tickerdesk.ibkr..")
                .check(MAIN);
    }

    @Test
    void platformStandsOnNoOtherComponent() {
        noClasses()
                .that()
                .resideInAPackage("org.tickerdesk.platform..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage("org.tickerdesk..")
                                .and(not(resideInAPackage("org.tickerdesk.platform.."))))
                .check(MAIN);
    }

    @Test
    void nothingStandsOnTheAdmin() {
        noClasses()
                .that()
                .resideOutsideOfPackage("org.tickerdesk.admin..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.tickerdesk.admin..")
                .check(MAIN);
    }

    @Test
    void everyFailureIsNamedAnException() {
        classes()
                .that()
                .areAssignableTo(Throwable.class)
                .should()
                .haveSimpleNameEndingWith("Exception")
                .check(MAIN);
    }

    @Test
    void ibkrConcernsFormNoCycle() {
        slices().matching("org.tickerdesk.ibkr.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(MAIN);
    }

    /**
     * Read from the sources: a package-info.java with only Javadoc compiles to no class file. The
     * launcher's sources count as main sources.
     */
    @Test
    void everyMainPackageSaysWhatItOwns() throws IOException {
        List<String> missing;
        try (Stream<Path> dirs =
                Stream.of(Path.of("src/main/java"), Path.of("src/launcher/java"))
                        .flatMap(ArchitectureTest::directories)) {
            missing =
                    dirs.filter(ArchitectureTest::holdsJava)
                            .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                            .map(Path::toString)
                            .sorted()
                            .toList();
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    private static Stream<Path> directories(Path root) {
        try {
            return Files.walk(root).filter(Files::isDirectory).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean holdsJava(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
