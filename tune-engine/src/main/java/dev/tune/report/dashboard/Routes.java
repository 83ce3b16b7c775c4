package dev.tune.report.dashboard;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which experiment a request path names: the one served, or one under a results directory. */
sealed interface Routes {

    /** What a path asks for. */
    record Target(Optional<CachedData> experiment, boolean data, boolean index, Optional<String> redirect) {
        static Target page(CachedData experiment) {
            return new Target(Optional.of(experiment), false, false, Optional.empty());
        }

        static Target data(CachedData experiment) {
            return new Target(Optional.of(experiment), true, false, Optional.empty());
        }
    }

    /** The target of {@code path}, or empty when it names nothing served (a 404). */
    Optional<Target> route(String path);

    /** One experiment, at {@code /} and {@code /data.json}. */
    record One(CachedData experiment) implements Routes {
        @Override
        public Optional<Target> route(String path) {
            return switch (path) {
                case "/", "/index.html" -> Optional.of(Target.page(experiment));
                case "/data.json" -> Optional.of(Target.data(experiment));
                default -> Optional.empty();
            };
        }
    }

    /** Every experiment of a catalog: an index at {@code /}, each at {@code /experiments/<name>/}. */
    final class Many implements Routes {
        private static final String PREFIX = "/experiments/";
        private final Catalog catalog;
        private final Map<String, CachedData> experiments = new ConcurrentHashMap<>();

        Many(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public Optional<Target> route(String path) {
            if (path.equals("/") || path.equals("/index.html")) {
                return Optional.of(new Target(Optional.empty(), false, true, Optional.empty()));
            }
            if (!path.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String rest = path.substring(PREFIX.length());
            int slash = rest.indexOf('/');
            String name = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
            String tail = slash < 0 ? null : rest.substring(slash);
            CachedData data = experiments.get(name);
            if (data == null) {
                Optional<ReportSource> source = catalog.source(name);
                if (source.isEmpty()) {
                    return Optional.empty();
                }
                data = experiments.computeIfAbsent(name, n -> new CachedData(source.get()));
            }
            if (tail == null) {
                return Optional.of(new Target(Optional.empty(), false, false, Optional.of(path + "/")));
            }
            return switch (tail) {
                case "/", "/index.html" -> Optional.of(Target.page(data));
                case "/data.json" -> Optional.of(Target.data(data));
                default -> Optional.empty();
            };
        }

        Catalog catalog() {
            return catalog;
        }
    }
}
