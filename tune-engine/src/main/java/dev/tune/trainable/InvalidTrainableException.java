package dev.tune.trainable;

import java.lang.annotation.Annotation;

/**
 * A trainable that tune cannot run as written, found when the experiment is built (or, for a
 * constructor that throws, when a trial creates its instance). The message names the class, the
 * member and the annotation at fault, says what is wrong, and how to fix it.
 */
public final class InvalidTrainableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String trainable;
    private final String member;
    private final String annotation;

    InvalidTrainableException(Class<?> type, String member, Class<? extends Annotation> annotation, String problem,
            String fix, Throwable cause) {
        super(format(type, member, annotation, problem, fix), cause);
        this.trainable = type.getName();
        this.member = member;
        this.annotation = annotation == null ? null : "@" + annotation.getSimpleName();
    }

    InvalidTrainableException(Class<?> type, String member, Class<? extends Annotation> annotation, String problem,
            String fix) {
        this(type, member, annotation, problem, fix, null);
    }

    private static String format(Class<?> type, String member, Class<? extends Annotation> annotation, String problem,
            String fix) {
        StringBuilder text = new StringBuilder("Invalid trainable ").append(type.getName());
        if (member != null) {
            text.append(", ").append(member);
        }
        if (annotation != null) {
            text.append(" (@").append(annotation.getSimpleName()).append(')');
        }
        text.append(": ").append(problem);
        if (fix != null) {
            text.append(". Fix: ").append(fix);
        }
        return text.toString();
    }

    /** The trainable class's name. */
    public String trainable() {
        return trainable;
    }

    /** The member at fault, e.g. {@code field 'lr'}, or null when the class as a whole is at fault. */
    public String member() {
        return member;
    }

    /** The annotation at fault, e.g. {@code @Uniform}, or null. */
    public String annotation() {
        return annotation;
    }
}
