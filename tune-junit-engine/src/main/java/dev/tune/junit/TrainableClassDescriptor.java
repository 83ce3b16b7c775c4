package dev.tune.junit;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;

/**
 * A class that declares experiments: the container above them, as a test class is above its
 * tests in Jupiter. Build tools key their reports by it (Surefire writes one report per class
 * container), and IDEs run a whole class from it.
 */
final class TrainableClassDescriptor extends AbstractTestDescriptor {

    private final Class<?> type;

    TrainableClassDescriptor(UniqueId parent, Class<?> type) {
        super(parent.append(TuneUniqueId.CLASS, type.getName()), type.getSimpleName(), ClassSource.from(type));
        this.type = type;
    }

    Class<?> type() {
        return type;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }
}
