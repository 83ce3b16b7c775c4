package dev.tune.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One trial, named like {@code #7 lr=0.0012, batch=32}: registered as a test while its experiment
 * runs, or, when selected by its unique id to run again, created at discovery.
 * It has no source of its own: build tools then report it under its display name (a source that
 * points at the class or method would make Surefire name every trial after it), and IDEs navigate
 * from its experiment.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

    TrialDescriptor(UniqueId parent, int number, String name) {
        super(parent.append(TuneUniqueId.TRIAL, Integer.toString(number)), name);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
