package dev.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One trial's hyperparameters, as Ray's {@code config} dict: an immutable, ordered map from
 * hyperparameter name to value. Nested names are dotted ({@code optimizer.lr}).
 *
 * <p>Inject it into any trainable member to read values by name instead of through annotated
 * fields and parameters. Typed getters convert numbers between widths; a missing name or a value
 * of the wrong kind throws with the names that are present.
 */
public final class Config {

    private static final Config EMPTY = new Config(Map.of());

    private final Map<String, Object> values;

    private Config(Map<String, Object> values) {
        this.values = values;
    }

    /** A config holding a copy of {@code values}, in their iteration order. */
    public static Config of(Map<String, ?> values) {
        if (values.isEmpty()) {
            return EMPTY;
        }
        return new Config(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** The config with no values. */
    public static Config empty() {
        return EMPTY;
    }

    /** True when this config has a value named {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The value named {@code name}; throws {@link NoSuchElementException} when absent. */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null && !values.containsKey(name)) {
            throw new NoSuchElementException("No hyperparameter '" + name + "' in this trial's config; it has "
                    + values.keySet());
        }
        return value;
    }

    /** The value named {@code name} as {@code type}, converting between number types. */
    public <T> T get(String name, Class<T> type) {
        Object value = get(name);
        if (value instanceof Number number && Number.class.isAssignableFrom(boxed(type))) {
            return convertNumber(number, type, name);
        }
        if (!boxed(type).isInstance(value)) {
            throw new ClassCastException("Hyperparameter '" + name + "' is " + describe(value) + ", not "
                    + type.getSimpleName());
        }
        @SuppressWarnings("unchecked")
        T typed = (T) boxed(type).cast(value);
        return typed;
    }

    public double getDouble(String name) {
        return get(name, Double.class);
    }

    public long getLong(String name) {
        return get(name, Long.class);
    }

    public int getInt(String name) {
        return get(name, Integer.class);
    }

    public boolean getBoolean(String name) {
        return get(name, Boolean.class);
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    /** All values, flat with dotted names, in order; unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Config other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> T convertNumber(Number number, Class<T> type, String name) {
        Class<?> boxed = boxed(type);
        Object converted;
        if (boxed == Double.class) {
            converted = number.doubleValue();
        } else if (boxed == Float.class) {
            converted = number.floatValue();
        } else if (boxed == Long.class || boxed == Integer.class || boxed == Short.class || boxed == Byte.class) {
            double d = number.doubleValue();
            if (d != Math.rint(d)) {
                throw new ClassCastException("Hyperparameter '" + name + "' is " + number
                        + ", which is not a whole number for " + type.getSimpleName());
            }
            long l = number.longValue();
            if (!fitsLong(number, d) || l < minimum(boxed) || l > maximum(boxed)) {
                throw new ClassCastException("Hyperparameter '" + name + "' is " + number
                        + ", which is out of range for " + type.getSimpleName());
            }
            converted = boxed == Long.class ? (Object) l
                    : boxed == Integer.class ? (Object) (int) l
                    : boxed == Short.class ? (Object) (short) l : (Object) (byte) l;
        } else {
            converted = number;
        }
        return (T) converted;
    }

    private static boolean fitsLong(Number number, double d) {
        boolean integral = number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte;
        return integral || (d >= -0x1p63 && d < 0x1p63);
    }

    private static long minimum(Class<?> boxed) {
        return boxed == Integer.class ? Integer.MIN_VALUE : boxed == Short.class ? Short.MIN_VALUE
                : boxed == Byte.class ? Byte.MIN_VALUE : Long.MIN_VALUE;
    }

    private static long maximum(Class<?> boxed) {
        return boxed == Integer.class ? Integer.MAX_VALUE : boxed == Short.class ? Short.MAX_VALUE
                : boxed == Byte.class ? Byte.MAX_VALUE : Long.MAX_VALUE;
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName() + " " + value;
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == double.class) {
            return Double.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == int.class) {
            return Integer.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }
}
