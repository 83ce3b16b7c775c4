package dev.tune.process;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The class path a child JVM runs on: the one the trainable was loaded from. That is the entries of
 * the class loaders between the trainable and the application class loader (a project's test
 * class path under {@code mvn tune:run}, the console launcher's {@code --class-path}, an IDE's),
 * then the application class path itself ({@code java.class.path}; under Surefire a jar whose
 * manifest lists the test class path, which the child's JVM reads as the parent's did). tune's
 * own jar is added when none of these holds it.
 */
final class ChildClassPath {

    private ChildClassPath() {
    }

    /** The class path for children that run {@code trainable}, joined with the path separator. */
    static String of(Class<?> trainable) {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader application = ClassLoader.getSystemClassLoader();
        for (ClassLoader loader = trainable.getClassLoader(); loader != null && loader != application
                && loader != ClassLoader.getPlatformClassLoader(); loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    file(url).ifPresent(entries::add);
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        CodeSource tune = ChildMain.class.getProtectionDomain().getCodeSource();
        if (tune != null) {
            file(tune.getLocation()).ifPresent(entries::add);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static Optional<String> file(URL url) {
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()).toString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
