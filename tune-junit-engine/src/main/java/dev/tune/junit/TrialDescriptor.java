package dev.tune.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One trial, registered as a test while its experiment runs; named like {@code #7 lr=0.0012, batch=32}.
 * It has no source of its own: build tools then report it under its display name (a source that
 * points at the class or method would make Surefire name every trial after it), and IDEs navigate
 * from its experiment.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "trial";

    TrialDescriptor(UniqueId parent, int number, String name) {
        super(parent.append(SEGMENT, Integer.toString(number)), name);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
