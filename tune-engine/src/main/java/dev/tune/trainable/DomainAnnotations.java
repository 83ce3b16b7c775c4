package dev.tune.trainable;

import dev.tune.Choice;
import dev.tune.GridSearch;
import dev.tune.LogRandInt;
import dev.tune.LogUniform;
import dev.tune.Normal;
import dev.tune.QLogRandInt;
import dev.tune.QLogUniform;
import dev.tune.QNormal;
import dev.tune.QRandInt;
import dev.tune.QUniform;
import dev.tune.RandInt;
import dev.tune.Uniform;
import dev.tune.space.Categorical;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the per-parameter domain annotations ({@code @Uniform}, {@code @Choice}, ...) into
 * {@link Domain}s, converting choice values to the member's type and checking that the member's
 * type can hold the domain's values.
 */
final class DomainAnnotations {

    static final Set<Class<? extends Annotation>> TYPES = Set.of(Uniform.class, QUniform.class, LogUniform.class,
            QLogUniform.class, Normal.class, QNormal.class, RandInt.class, QRandInt.class, LogRandInt.class,
            QLogRandInt.class, Choice.class, GridSearch.class);

    private DomainAnnotations() {
    }

    /** The domain annotations on {@code element}, in declaration order. */
    static List<Annotation> on(AnnotatedElement element) {
        List<Annotation> found = new ArrayList<>();
        for (Annotation annotation : element.getAnnotations()) {
            if (TYPES.contains(annotation.annotationType())) {
                found.add(annotation);
            }
        }
        return found;
    }

    /** The name the annotation gives, or empty for "the member's name". */
    static String name(Annotation a) {
        try {
            return (String) a.annotationType().getMethod("name").invoke(a);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The domain that {@code a} declares for a member of {@code type}; throws
     * {@link IllegalArgumentException} saying what is wrong.
     */
    static Domain domain(Annotation a, Class<?> type) {
        if (a instanceof Uniform u) {
            return floats(type, FloatDomain.uniform(u.lower(), u.upper()));
        } else if (a instanceof QUniform u) {
            return floats(type, FloatDomain.quniform(u.lower(), u.upper(), u.q()));
        } else if (a instanceof LogUniform u) {
            return floats(type, FloatDomain.loguniform(u.lower(), u.upper(), u.base()));
        } else if (a instanceof QLogUniform u) {
            return floats(type, FloatDomain.qloguniform(u.lower(), u.upper(), u.q(), u.base()));
        } else if (a instanceof Normal n) {
            return floats(type, NormalDomain.randn(n.mean(), n.sd()));
        } else if (a instanceof QNormal n) {
            return floats(type, NormalDomain.qrandn(n.mean(), n.sd(), n.q()));
        } else if (a instanceof RandInt r) {
            return ints(type, IntDomain.randint(r.lower(), r.upper()));
        } else if (a instanceof QRandInt r) {
            return ints(type, IntDomain.qrandint(r.lower(), r.upper(), r.q()));
        } else if (a instanceof LogRandInt r) {
            return ints(type, IntDomain.lograndint(r.lower(), r.upper(), r.base()));
        } else if (a instanceof QLogRandInt r) {
            return ints(type, IntDomain.qlograndint(r.lower(), r.upper(), r.q(), r.base()));
        } else if (a instanceof Choice c) {
            return new Categorical(convert(c.value(), type, "choice"));
        } else if (a instanceof GridSearch g) {
            return new Grid(convert(g.value(), type, "grid search"));
        }
        throw new IllegalArgumentException("not a domain annotation: " + a);
    }

    private static List<Object> convert(String[] values, Class<?> type, String kind) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a " + kind + " needs at least one value");
        }
        List<Object> converted = new ArrayList<>(values.length);
        for (String value : values) {
            try {
                converted.add(ValueConverter.fromText(value, type));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("value \"" + value + "\" does not convert to " + type.getSimpleName()
                        + ": " + e.getMessage());
            }
        }
        return converted;
    }

    private static Domain floats(Class<?> type, Domain domain) {
        if (!ValueConverter.holdsFloats(type)) {
            throw new IllegalArgumentException("it draws floating-point values but the member is "
                    + type.getSimpleName() + "; declare it double, or use an integer domain such as @RandInt");
        }
        return domain;
    }

    private static Domain ints(Class<?> type, Domain domain) {
        if (!ValueConverter.holdsIntegers(type)) {
            throw new IllegalArgumentException("it draws integers but the member is " + type.getSimpleName()
                    + "; declare it int, long or double");
        }
        return domain;
    }
}
