package dev.tune.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.junit.Constants;
import dev.tune.options.Option;
import dev.tune.options.TuneOption;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reference {@code junit-platform.properties} lists every key the tune engine reads as text,
 * once, commented out and explained, and no key that does not exist: it cannot drift from
 * {@link TuneOption} and {@link Constants}.
 */
class JunitPropertiesReferenceTest {

    /** A commented-out setting: {@code # tune.samples=1}. */
    private static final Pattern SETTING = Pattern.compile("^#\\s*(tune\\.[\\w.]+)\\s*=");

    /** Any key named anywhere in the file, in a setting or in prose. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\w.])tune\\.[A-Za-z][\\w.]*\\w");

    @Test
    void listsEveryTextKeyOnce() {
        List<String> lines = lines();
        List<String> settings = new ArrayList<>();
        for (String line : lines) {
            Matcher m = SETTING.matcher(line);
            if (m.find()) {
                settings.add(m.group(1));
            }
        }
        Set<String> expected = new TreeSet<>();
        TuneOption.all().stream().filter(Option::hasTextForm).map(Option::key).forEach(expected::add);
        expected.add(Constants.MODE);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(settings);
        Set<String> extra = new TreeSet<>(settings);
        extra.removeAll(expected);
        assertEquals(Set.of(), missing, "keys the engine reads that junit-platform.properties does not list");
        assertEquals(Set.of(), extra, "keys junit-platform.properties lists that cannot be set as text");
        assertEquals(Set.of(), settings.stream().filter(k -> Collections.frequency(settings, k) > 1)
                .collect(Collectors.toSet()), "keys listed more than once");
    }

    @Test
    void namesNoUnknownKey() {
        List<String> lines = lines();
        Set<String> known = new TreeSet<>();
        TuneOption.all().stream().map(Option::key).forEach(known::add);
        known.add(Constants.MODE);
        Set<String> unknown = new TreeSet<>();
        for (String line : lines) {
            Matcher m = MENTION.matcher(line);
            while (m.find()) {
                if (!known.contains(m.group())) {
                    unknown.add(m.group());
                }
            }
        }
        assertEquals(Set.of(), unknown, "keys in junit-platform.properties that the engine does not read");
    }

    @Test
    void explainsEachSettingWithItsDefault() {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SETTING.matcher(lines.get(i));
            if (m.find()) {
                StringBuilder comment = new StringBuilder();
                for (int j = i - 1; j >= 0 && lines.get(j).startsWith("#") && !SETTING.matcher(lines.get(j)).find(); j--) {
                    comment.insert(0, lines.get(j));
                }
                assertTrue(comment.toString().contains("Default:"),
                        m.group(1) + " needs a comment right above it that says what it means and its default");
            }
        }
    }

    @Test
    void setsNothing() throws IOException {
        List<String> lines = lines();
        Properties properties = new Properties();
        properties.load(new StringReader(String.join("\n", lines)));
        assertEquals(Set.of(), properties.stringPropertyNames(),
                "every line of the reference stays commented out, so the samples run with their defaults");
        lines.forEach(line -> assertTrue(line.isBlank() || line.startsWith("#"), "not a comment: " + line));
    }

    private static List<String> lines() {
        try {
            List<URL> found = Collections.list(JunitPropertiesReferenceTest.class.getClassLoader()
                    .getResources("junit-platform.properties"));
            assertEquals(1, found.size(), "one junit-platform.properties on the test class path: " + found);
            try (InputStream in = found.get(0).openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
