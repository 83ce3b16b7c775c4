package dev.tune.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One trial, registered as a test while its experiment runs; named like {@code #7 lr=0.0012, batch=32}. */
final class TrialDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT = "trial";

    TrialDescriptor(UniqueId parent, int number, String name, TestSource source) {
        super(parent.append(SEGMENT, Integer.toString(number)), name, source);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
