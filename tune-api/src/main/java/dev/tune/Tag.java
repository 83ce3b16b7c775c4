package dev.tune;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A JUnit tag on an experiment, so tag expressions ({@code --include-tag}, Surefire's
 * {@code groups}) select experiments as they select tests. JUnit Jupiter's own
 * {@code @org.junit.jupiter.api.Tag} is read too, for trainables that already carry it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Tag.List.class)
public @interface Tag {
    /** The tag, following JUnit's syntax rules (no whitespace, no reserved characters). */
    String value();

    /** Holds repeated {@link Tag} annotations. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @interface List {
        Tag[] value();
    }
}
