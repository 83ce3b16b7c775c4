package dev.tune.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that keeps its info lines. */
final class CapturingLog extends SystemStreamLog {

    final List<String> info = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(CharSequence content) {
        info.add(content.toString());
    }
}
