package org.tickerdesk.testing.container;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment of the in-container tests: the WAR as {@code ./mvnw package} built it, with
 * every in-container test class, the fixtures they share and {@link TimerProbe} added. Every test
 * class deploys this same archive, so the first one to run brings all of them into the one server
 * ({@link SharedPayaraMicro}).
 */
public final class TickerdeskWar {

    /** The naming rule of the in-container tests, which failsafe also runs by. */
    static final String SUFFIX = "ContainerIT";

    /** The naming rule of what several in-container tests of a component share. */
    static final String FIXTURE_SUFFIX = "ContainerFixture";

    private TickerdeskWar() {}

    public static WebArchive withContainerTests() {
        File war = new File(System.getProperty("tickerdesk.war", "target/tickerdesk.war"));
        if (!war.isFile()) {
            throw new IllegalStateException(war + " is missing; ./mvnw package builds it");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                .addClasses(containerTests().toArray(Class<?>[]::new))
                .addClass(TimerProbe.class);
    }

    /**
     * The top-level {@code *ContainerIT} and {@code *ContainerFixture} classes; adding a class adds
     * its nested classes.
     */
    static List<Class<?>> containerTests() {
        Path root = testClasses();
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize)
                    .map(Path::toString)
                    .filter(
                            name ->
                                    name.endsWith(SUFFIX + ".class")
                                            || name.endsWith(FIXTURE_SUFFIX + ".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .map(name -> name.replace(File.separatorChar, '.'))
                    .<Class<?>>map(TickerdeskWar::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(
                    TickerdeskWar.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TickerdeskWar.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
