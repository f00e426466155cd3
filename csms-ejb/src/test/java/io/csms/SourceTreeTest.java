package io.csms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules for the whole repository's sources (every module, read from the build's root folder): each
 * main package says what it is for, and nothing refers to a document or folder outside the
 * repository, which a user who cloned it would not have.
 */
class SourceTreeTest {

    /** A path or a design document that exists only beside our own checkouts. */
    private static final Pattern OUTSIDE = Pattern.compile(
            "\\.\\./shared|\\b(PROTOCOLS|ARCHITECTURE|PLATFORM-NOTES|STYLE)(\\.md)?\\b|security-review|design-review");

    private static Path root() {
        String root = System.getProperty("csms.source-root");
        if (root == null) {
            throw new IllegalStateException("csms.source-root is not set: run the tests through Maven");
        }
        return Path.of(root);
    }

    @Test
    void every_main_package_has_a_package_info() throws IOException {
        List<String> missing;
        try (Stream<Path> files = Files.walk(root())) {
            missing = files.filter(
                            f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                    .filter(f -> !f.toString().contains("/target/"))
                    .map(Path::getParent)
                    .distinct()
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> root().relativize(dir).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), missing, "packages without package-info.java");
    }

    @Test
    void no_source_or_build_file_refers_to_anything_outside_the_repository() throws IOException {
        List<String> offending;
        try (Stream<Path> files = Files.walk(root())) {
            offending = files.filter(Files::isRegularFile)
                    .filter(f -> !f.toString().contains("/target/")
                            && !f.toString().contains("/.git/")
                            && !f.toString().contains("/.csms/")
                            && !f.toString().contains("/spec-data/"))
                    .filter(f -> f.toString().matches(".*\\.(java|xml|properties|cli|sh|xhtml|sql|yaml)$")
                            || f.getFileName().toString().equals("run")
                            || f.getFileName().toString().equals("load"))
                    .filter(f -> !f.getFileName().toString().equals("SourceTreeTest.java"))
                    .filter(SourceTreeTest::refersOutside)
                    .map(f -> root().relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offending, "files that refer to documents or folders outside the repository");
    }

    /** WildFly hands the bundled Hibernate no scan results: an entity not listed in persistence.xml does not exist. */
    @Test
    void every_entity_is_listed_in_the_persistence_unit() throws IOException {
        Path core = root().resolve("csms-ejb/src/main");
        String unit = Files.readString(core.resolve("resources/META-INF/persistence.xml"));
        List<String> missing;
        try (Stream<Path> files = Files.walk(core.resolve("java"))) {
            missing = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("\n@Entity\n");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> core.resolve("java")
                            .relativize(f)
                            .toString()
                            .replace('/', '.')
                            .replaceAll("\\.java$", ""))
                    .filter(name -> !unit.contains("<class>" + name + "</class>"))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), missing, "entities missing from persistence.xml");
    }

    /**
     * A session bean is reached through its container proxy, which serves public methods only: a
     * package-private method called from a neighbour deploys fine and fails on the first call.
     */
    @Test
    void session_beans_expose_only_public_or_private_methods() throws IOException {
        Path classes = root().resolve("csms-ejb/src/main/java");
        List<String> offending;
        try (Stream<Path> files = Files.walk(classes)) {
            offending = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.java"))
                    .map(f -> classes.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""))
                    .map(SourceTreeTest::load)
                    .filter(c -> c.isAnnotationPresent(jakarta.ejb.Stateless.class)
                            || c.isAnnotationPresent(jakarta.ejb.Singleton.class))
                    .flatMap(c -> Stream.of(c.getDeclaredMethods())
                            .filter(m -> !m.isSynthetic())
                            .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                            .filter(m -> !java.lang.reflect.Modifier.isPrivate(m.getModifiers()))
                            .filter(m -> !java.lang.reflect.Modifier.isPublic(m.getModifiers()))
                            .filter(m -> Stream.of(m.getAnnotations())
                                    .map(a -> a.annotationType().getName())
                                    .noneMatch(LIFECYCLE::contains))
                            .map(m -> c.getSimpleName() + "." + m.getName()))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offending, "non-public business methods of session beans");
    }

    /**
     * {@code Json.createReader(...)}, {@code Json.createObjectBuilder()} and their kin look the JSON-P
     * provider up through the ServiceLoader on every call; in a server that scans the application's
     * class path each time (the roaming benchmark found it the largest cost of a push). Main code
     * uses the provider looked up once, {@code io.csms.platform.Jsonp.JSON}.
     */
    @Test
    void main_code_never_looks_the_json_provider_up_per_call() throws IOException {
        Pattern perCall = Pattern.compile("(?<!\\w)Json\\.create|JsonProvider\\.provider\\(\\)");
        List<String> offending;
        try (Stream<Path> files = Files.walk(root())) {
            offending = files.filter(f -> f.toString().endsWith(".java")
                            && f.toString().contains("/src/main/java/")
                            && !f.toString().contains("/target/")
                            && !f.toString().contains("/server-config/"))
                    .filter(f -> !f.getFileName().toString().equals("Jsonp.java"))
                    .filter(f -> {
                        try {
                            return perCall.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> root().relativize(f).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), offending, "files that look the JSON-P provider up per call");
    }

    private static final java.util.Set<String> LIFECYCLE = java.util.Set.of(
            "jakarta.annotation.PostConstruct",
            "jakarta.annotation.PreDestroy",
            "jakarta.ejb.Schedule",
            "jakarta.ejb.Schedules",
            "jakarta.ejb.Timeout",
            "jakarta.interceptor.AroundInvoke");

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SourceTreeTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static boolean refersOutside(Path file) {
        try {
            return OUTSIDE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            return false; // not text
        }
    }
}
