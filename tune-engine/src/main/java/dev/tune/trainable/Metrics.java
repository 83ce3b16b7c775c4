package dev.tune.trainable;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a step or a Function API method returned, as metrics: a {@code Map}'s numeric entries, a
 * record's or bean's numeric properties, or a single number under a given name. A {@code done}
 * entry or property that is {@code true} marks the trial's last result (Ray's {@code done}).
 *
 * @param values the numeric metrics, in the order the source lists them
 */
record Metrics(Map<String, Double> values, boolean done) {

    private static final ClassValue<List<Method>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return properties(type);
        }
    };

    /** The metrics in {@code returned}; a bare number is named {@code numberName}. */
    static Metrics of(Object returned, String numberName) {
        if (returned == null) {
            return new Metrics(Map.of(), false);
        }
        if (returned instanceof Number number) {
            Map<String, Double> values = new LinkedHashMap<>(2);
            values.put(numberName, number.doubleValue());
            return new Metrics(values, false);
        }
        if (returned instanceof Map<?, ?> map) {
            return fromMap(map);
        }
        return fromProperties(returned);
    }

    /** The metrics in a map given to {@code TrialContext.report}. */
    static Metrics fromMap(Map<?, ?> map) {
        Map<String, Double> values = new LinkedHashMap<>(map.size() * 2);
        boolean done = false;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if ("done".equals(name) && value instanceof Boolean b) {
                done = b;
            } else if (value instanceof Number n) {
                values.put(name, n.doubleValue());
            } else if (value instanceof Boolean b) {
                values.put(name, b ? 1.0 : 0.0);
            }
        }
        return new Metrics(values, done);
    }

    private static Metrics fromProperties(Object bean) {
        Map<String, Double> values = new LinkedHashMap<>();
        boolean done = false;
        for (Method getter : PROPERTIES.get(bean.getClass())) {
            Object value;
            try {
                value = getter.invoke(bean);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + getter + " of the returned metrics", e);
            }
            String name = propertyName(getter, bean.getClass().isRecord());
            if ("done".equals(name) && value instanceof Boolean b) {
                done = b;
            } else if (value instanceof Number n) {
                values.put(name, n.doubleValue());
            }
        }
        return new Metrics(values, done);
    }

    private static List<Method> properties(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                Method accessor = component.getAccessor();
                accessor.setAccessible(true);
                getters.add(accessor);
            }
            return getters;
        }
        for (Method method : type.getMethods()) {
            boolean getter = method.getName().startsWith("get") && method.getName().length() > 3
                    || method.getName().startsWith("is") && method.getName().length() > 2;
            if (getter && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                    && method.getDeclaringClass() != Object.class && isMetricType(method.getReturnType())) {
                getters.add(method);
            }
        }
        getters.sort(Comparator.comparing(Method::getName));
        return getters;
    }

    private static boolean isMetricType(Class<?> type) {
        return type.isPrimitive() && type != void.class && type != char.class
                || Number.class.isAssignableFrom(type) || type == Boolean.class;
    }

    private static String propertyName(Method getter, boolean record) {
        String name = getter.getName();
        if (record) {
            return name;
        }
        String bare = name.startsWith("is") ? name.substring(2) : name.substring(3);
        return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
