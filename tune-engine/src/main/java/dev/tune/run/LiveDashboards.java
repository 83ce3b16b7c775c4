package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.report.dashboard.Dashboard;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code tune.dashboard=PORT}: a run serves its live dashboard while it runs, and afterwards its
 * finished state until the JVM exits or the next run in this JVM asks for the same port (the
 * earlier dashboard then makes way), as Ray's dashboard outlives each experiment.
 */
final class LiveDashboards {

    private static final Logger LOG = LoggerFactory.getLogger(LiveDashboards.class);
    private static final Map<Integer, Dashboard> BY_PORT = new ConcurrentHashMap<>();

    private LiveDashboards() {
    }

    /** Starts the dashboard the plan asks for, if any; a port that cannot be bound is logged, never a failed run. */
    static Optional<Dashboard> start(RunPlan plan, LiveReport live) {
        int port = plan.options().resolve(TuneOption.DASHBOARD);
        if (port < 0) {
            return Optional.empty();
        }
        Dashboard earlier = port > 0 ? BY_PORT.remove(port) : null;
        if (earlier != null) {
            earlier.close();
        }
        try {
            Dashboard dashboard = Dashboard.serve(live, plan.options().resolve(TuneOption.DASHBOARD_HOST), port);
            BY_PORT.put(dashboard.address().getPort(), dashboard);
            plan.out().println("Dashboard of " + plan.name() + ": " + dashboard.address());
            return Optional.of(dashboard);
        } catch (RuntimeException e) {
            LOG.warn("No dashboard for experiment {}: {}", plan.name(), e.getMessage());
            return Optional.empty();
        }
    }
}
