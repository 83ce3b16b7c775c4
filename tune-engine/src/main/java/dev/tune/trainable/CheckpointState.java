package dev.tune.trainable;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tune.Checkpoint;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a class trainable's state goes into a checkpoint directory and back: its
 * {@code @Checkpoint.Save} and {@code @Checkpoint.Load} methods, and its {@code @Checkpoint} fields
 * as JSON in {@code state.json}. Each field is written and read with Jackson as its declared
 * (generic) type, so the type never comes from the data.
 */
final class CheckpointState {

    static final String STATE_FILE = "state.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final List<Field> fields;
    private final Method save;
    private final Method load;

    private CheckpointState(List<Field> fields, Method save, Method load) {
        this.fields = fields;
        this.save = save;
        this.load = load;
    }

    /** Reads the checkpoint members of {@code type}, checking their declarations. */
    static CheckpointState of(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : Members.fields(type)) {
            if (field.isAnnotationPresent(Checkpoint.class)) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isFinal(field.getModifiers())) {
                    throw new InvalidTrainableException(type, Members.describe(field), Checkpoint.class,
                            "the field is static or final", "checkpoint a non-static, non-final field");
                }
                field.setAccessible(true);
                fields.add(field);
            }
        }
        Method save = method(type, Checkpoint.Save.class);
        Method load = method(type, Checkpoint.Load.class);
        if ((save == null) != (load == null)) {
            throw new InvalidTrainableException(type, Members.describe(save != null ? save : load),
                    save != null ? Checkpoint.Save.class : Checkpoint.Load.class,
                    "a checkpoint is saved but never loaded, or loaded but never saved",
                    "declare both @Checkpoint.Save and @Checkpoint.Load");
        }
        return new CheckpointState(List.copyOf(fields), save, load);
    }

    private static Method method(Class<?> type, Class<? extends Annotation> kind) {
        List<Method> methods = Members.methods(type, kind);
        if (methods.isEmpty()) {
            return null;
        }
        Method method = methods.get(0);
        if (methods.size() > 1 || method.getParameterCount() != 1 || method.getParameterTypes()[0] != Path.class
                || Modifier.isStatic(method.getModifiers())) {
            throw new InvalidTrainableException(type, Members.describe(method), kind,
                    "it must be one instance method taking a Path (of java.nio.file)", "declare it as void "
                            + method.getName() + "(Path dir)");
        }
        method.setAccessible(true);
        return method;
    }

    /** True when the class has anything to checkpoint. */
    boolean isEmpty() {
        return fields.isEmpty() && save == null;
    }

    void save(Object instance, Path dir) throws Throwable {
        if (save != null) {
            invoke(save, instance, dir);
        }
        if (!fields.isEmpty()) {
            ObjectNode state = JSON.createObjectNode();
            for (Field field : fields) {
                state.set(field.getName(), JSON.valueToTree(field.get(instance)));
            }
            Files.write(dir.resolve(STATE_FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state));
        }
    }

    void load(Object instance, Path dir) throws Throwable {
        if (!fields.isEmpty()) {
            Path file = dir.resolve(STATE_FILE);
            JsonNode state;
            try {
                state = JSON.readTree(file.toFile());
            } catch (IOException e) {
                throw new IOException("checkpoint " + file + " is unreadable: " + e.getMessage(), e);
            }
            for (Field field : fields) {
                if (state.has(field.getName())) {
                    JavaType type = JSON.getTypeFactory().constructType(field.getGenericType());
                    field.set(instance, JSON.readerFor(type).readValue(state.get(field.getName())));
                }
            }
        }
        if (load != null) {
            invoke(load, instance, dir);
        }
    }

    private static void invoke(Method method, Object instance, Path dir) throws Throwable {
        try {
            method.invoke(instance, dir);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
