package dev.tune.run;

import java.util.Locale;

/**
 * How a run treats an earlier run of the same experiment, as Ray's {@code resume}: {@code false}
 * starts afresh (moving the earlier directory aside); {@code true} or {@code auto} continue it when
 * there is one (finished trials are kept, unfinished ones continue from their latest checkpoint)
 * and start afresh otherwise. Ray's suffixes choose what happens to errored trials:
 * {@code +errored} resumes them from their latest checkpoint, {@code +restart_errored} runs them
 * again from scratch, and {@code _only} after either keeps unfinished non-errored trials as they
 * are instead of resuming them.
 *
 * @param enabled whether to continue an earlier run
 * @param errored what to do with trials that ended in error
 * @param onlyErrored whether only errored trials run again
 */
record ResumeMode(boolean enabled, Errored errored, boolean onlyErrored) {

    /** What happens to errored trials on resume. */
    enum Errored { KEEP, RESUME, RESTART }

    static final ResumeMode OFF = new ResumeMode(false, Errored.KEEP, false);

    static ResumeMode parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("false")) {
            return OFF;
        }
        String base = t.contains("+") ? t.substring(0, t.indexOf('+')) : t;
        String suffix = t.contains("+") ? t.substring(t.indexOf('+') + 1) : "";
        if (!base.equals("true") && !base.equals("auto")) {
            throw new IllegalArgumentException("expected false, true or auto, optionally with +errored, "
                    + "+restart_errored, +errored_only or +restart_errored_only; got '" + text + "'");
        }
        switch (suffix) {
            case "": return new ResumeMode(true, Errored.KEEP, false);
            case "errored": return new ResumeMode(true, Errored.RESUME, false);
            case "restart_errored": return new ResumeMode(true, Errored.RESTART, false);
            case "errored_only": return new ResumeMode(true, Errored.RESUME, true);
            case "restart_errored_only": return new ResumeMode(true, Errored.RESTART, true);
            default: throw new IllegalArgumentException("unknown resume suffix '+" + suffix + "': use +errored, "
                    + "+restart_errored, +errored_only or +restart_errored_only");
        }
    }
}
