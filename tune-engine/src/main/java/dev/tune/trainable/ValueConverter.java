package dev.tune.trainable;

import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Locale;

/**
 * Converts hyperparameter values to the type of the member that receives them: choice and grid
 * values written as strings, and sampled numbers of another width. Throws
 * {@link IllegalArgumentException} with a message that says what would convert.
 */
final class ValueConverter {

    private ValueConverter() {
    }

    /** Converts the text of a {@code @Choice} or {@code @GridSearch} value to {@code type}. */
    static Object fromText(String text, Class<?> type) {
        Class<?> t = boxed(type);
        try {
            if (t == String.class || t == Object.class || t == CharSequence.class) {
                return text;
            } else if (t == Double.class || t == Number.class) {
                return Double.parseDouble(text.trim());
            } else if (t == Float.class) {
                return Float.parseFloat(text.trim());
            } else if (t == Long.class) {
                return Long.parseLong(text.trim());
            } else if (t == Integer.class) {
                return Integer.parseInt(text.trim());
            } else if (t == Short.class) {
                return Short.parseShort(text.trim());
            } else if (t == Byte.class) {
                return Byte.parseByte(text.trim());
            } else if (t == Boolean.class) {
                String b = text.trim().toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    throw new IllegalArgumentException("not true or false");
                }
                return Boolean.parseBoolean(b);
            } else if (t == Character.class && text.length() == 1) {
                return text.charAt(0);
            } else if (t.isEnum()) {
                return enumConstant(t, text.trim());
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + type.getSimpleName());
        }
        throw new IllegalArgumentException("values of type " + type.getName()
                + " cannot be written as text; use numbers, booleans, enums or strings");
    }

    /** Converts an already typed value (a sampled number, a stored value) to {@code type}. */
    static Object coerce(Object value, Class<?> type) {
        Class<?> t = boxed(type);
        if (value == null || t.isInstance(value)) {
            if (value == null && type.isPrimitive()) {
                throw new IllegalArgumentException("null cannot be assigned to " + type.getName());
            }
            return value;
        }
        if (value instanceof Number n) {
            if (t == Double.class) {
                return n.doubleValue();
            } else if (t == Float.class) {
                return n.floatValue();
            }
            double d = n.doubleValue();
            if (d == Math.rint(d)) {
                long l = n.longValue();
                if (t == Long.class) {
                    return l;
                } else if (t == Integer.class && l == (int) l) {
                    return (int) l;
                } else if (t == Short.class && l == (short) l) {
                    return (short) l;
                } else if (t == Byte.class && l == (byte) l) {
                    return (byte) l;
                }
            }
        }
        if (value instanceof String s) {
            return fromText(s, type);
        }
        throw new IllegalArgumentException(value.getClass().getSimpleName() + " " + value + " cannot be assigned to "
                + type.getName());
    }

    /** True when a member of {@code type} can hold every value of a float domain. */
    static boolean holdsFloats(Class<?> type) {
        Class<?> t = boxed(type);
        return t == Double.class || t == Float.class || t == Number.class || t == Object.class;
    }

    /** True when a member of {@code type} can hold whole numbers. */
    static boolean holdsIntegers(Class<?> type) {
        Class<?> t = boxed(type);
        return holdsFloats(type) || t == Long.class || t == Integer.class || t == Short.class || t == Byte.class;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        for (Object constant : type.getEnumConstants()) {
            if (((Enum) constant).name().equals(name)) {
                return constant;
            }
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum) constant).name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a constant of " + type.getSimpleName() + " "
                + Arrays.toString(type.getEnumConstants()));
    }

    static Class<?> boxed(Class<?> type) {
        return MethodType.methodType(type).wrap().returnType();
    }
}
