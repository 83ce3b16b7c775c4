package dev.tune.junit;

import dev.tune.Tag;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/**
 * Reads an experiment's JUnit tags: tune's {@link Tag}, and JUnit Jupiter's {@code @Tag} by name,
 * so this engine needs no Jupiter type. Invalid tags are ignored, as Jupiter does.
 */
final class Tags {

    private static final String JUPITER_TAG = "org.junit.jupiter.api.Tag";
    private static final String JUPITER_TAGS = "org.junit.jupiter.api.Tags";

    private Tags() {
    }

    static void read(AnnotatedElement element, Set<TestTag> tags) {
        for (Tag tag : element.getAnnotationsByType(Tag.class)) {
            add(tag.value(), tags);
        }
        for (Annotation annotation : element.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.equals(JUPITER_TAG)) {
                add(value(annotation), tags);
            } else if (name.equals(JUPITER_TAGS)) {
                Object inner = invoke(annotation);
                if (inner instanceof Annotation[] all) {
                    for (Annotation one : all) {
                        add(value(one), tags);
                    }
                }
            }
        }
    }

    private static String value(Annotation annotation) {
        Object value = invoke(annotation);
        return value instanceof String s ? s : null;
    }

    private static Object invoke(Annotation annotation) {
        try {
            return annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static void add(String value, Set<TestTag> tags) {
        if (value != null && TestTag.isValid(value)) {
            tags.add(TestTag.create(value));
        }
    }
}
