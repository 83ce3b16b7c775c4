package dev.tune.run;

import dev.tune.Config;
import dev.tune.report.ProgressReporter;
import dev.tune.result.Trial;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Trial ids, names and directory names. Ids are the experiment's tag and a 5-digit number
 * ({@code 3f2a1_00007}, as Ray's); names show the number and the config
 * ({@code #7 lr=0.0012, batch=32}); directories are the id and a file-safe config summary.
 */
final class Naming {

    private static final int MAX_DIR_NAME = 80;

    private Naming() {
    }

    /** The plan's dirname creator's name for {@code pending}, checked to be a plain name; null without a creator. */
    static String customDirName(RunPlan plan, Trial pending) {
        String dirName = plan.dirnameCreator().map(f -> f.apply(pending)).orElse(null);
        if (dirName != null && (dirName.isBlank() || dirName.contains("/") || dirName.contains("\\"))) {
            throw new IllegalArgumentException("the trial dirname creator must return a plain name, not '"
                    + dirName + "'");
        }
        return dirName;
    }

    /**
     * A new trial of {@code book}'s, named (by the plan's creators, if any), known to the experiment
     * but not started.
     */
    static LiveTrial newTrial(RunPlan plan, TrialBook book, Path trialsRoot, String id, int number,
            Config config) {
        String name = trialName(number, config);
        String dirName = null;
        if (plan.nameCreator().isPresent() || plan.dirnameCreator().isPresent()) {
            Trial pending = new LiveTrial(id, number, name, config, trialsRoot, null, book).identity();
            name = plan.nameCreator().map(f -> f.apply(pending)).orElse(name);
            dirName = customDirName(plan, pending);
        }
        LiveTrial trial = new LiveTrial(id, number, name, config, trialsRoot, dirName, book);
        if (plan.persist()) {
            trial.dir();
        }
        return trial;
    }

    static String newTag() {
        return String.format(Locale.ROOT, "%05x", ThreadLocalRandom.current().nextInt(1 << 20));
    }

    static String trialId(String tag, int number) {
        String digits = Integer.toString(number);
        return digits.length() >= 5 ? tag + "_" + digits : tag + "_" + "00000".substring(digits.length()) + digits;
    }

    static String trialName(int number, Config config) {
        StringBuilder name = new StringBuilder("#").append(number);
        String separator = " ";
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            name.append(separator).append(entry.getKey()).append('=').append(format(entry.getValue()));
            separator = ", ";
        }
        return name.toString();
    }

    static String dirName(String trialId, Config config) {
        StringBuilder name = new StringBuilder(trialId);
        for (Map.Entry<String, Object> entry : config.asMap().entrySet()) {
            name.append(name.length() == trialId.length() ? "_" : ",").append(entry.getKey()).append('=')
                    .append(format(entry.getValue()));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ".,=+-_".indexOf(c) >= 0;
            if (!safe) {
                name.setCharAt(i, '_');
            }
        }
        return name.length() <= MAX_DIR_NAME ? name.toString() : name.substring(0, MAX_DIR_NAME);
    }

    static String format(Object value) {
        return ProgressReporter.format(value);
    }
}
