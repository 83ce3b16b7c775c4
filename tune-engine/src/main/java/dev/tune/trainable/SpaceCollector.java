package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.Param;
import dev.tune.SearchSpace;
import dev.tune.TrialContext;
import dev.tune.When;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.Space;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers one trainable's hyperparameters while its members are read: each domain annotation adds
 * a domain, each {@code @Param} adds a reference checked once the space is complete, and
 * {@code @SearchSpace} members add a programmatic space.
 */
final class SpaceCollector {

    private final Class<?> type;
    private final Map<String, Domain> domains = new LinkedHashMap<>();
    private final Map<String, String> declaredBy = new LinkedHashMap<>();
    private final List<Binding.Value> references = new ArrayList<>();
    /** Hyperparameters made conditional by {@code @When}, whose condition values are still text. */
    private final Map<String, String> conditionedBy = new LinkedHashMap<>();

    SpaceCollector(Class<?> type) {
        this.type = type;
    }

    /**
     * The binding for a member with this name, type and annotations, declaring its domain if it has
     * one; null when it has neither a domain annotation nor {@code @Param}.
     */
    Binding bind(AnnotatedElement element, String memberName, boolean namePresent, Class<?> valueType, String member) {
        if (valueType == TrialContext.class) {
            return new Binding.Context();
        }
        if (valueType == Config.class) {
            return new Binding.WholeConfig();
        }
        List<Annotation> found = DomainAnnotations.on(element);
        Param param = element.getAnnotation(Param.class);
        if (found.size() + (param == null ? 0 : 1) > 1) {
            throw new InvalidTrainableException(type, member, found.get(0).annotationType(),
                    "it carries " + (found.size() + (param == null ? 0 : 1)) + " hyperparameter annotations "
                            + names(found, param), "keep exactly one");
        }
        When when = element.getAnnotation(When.class);
        if (when != null && found.isEmpty()) {
            throw new InvalidTrainableException(type, member, When.class, "it has no domain annotation to make"
                    + " conditional", "put @When beside the member's domain annotation (e.g. @Uniform)");
        }
        if (when != null && valueType.isPrimitive()) {
            throw new InvalidTrainableException(type, member, When.class, "a conditional hyperparameter is"
                    + " absent when its condition fails, and a " + valueType.getName() + " cannot be absent",
                    "declare the member with the boxed type, e.g. Double instead of double");
        }
        if (param != null) {
            Binding.Value reference = new Binding.Value(param.value(), valueType, member);
            references.add(reference);
            return reference;
        }
        if (found.isEmpty()) {
            return null;
        }
        Annotation annotation = found.get(0);
        String name = DomainAnnotations.name(annotation);
        if (name.isEmpty()) {
            if (!namePresent) {
                throw new InvalidTrainableException(type, member, annotation.annotationType(),
                        "its name is not in the class file", "compile with -parameters, or give the name: @"
                                + annotation.annotationType().getSimpleName() + "(name = \"...\", ...)");
            }
            name = memberName;
        }
        Domain domain;
        try {
            domain = DomainAnnotations.domain(annotation, valueType);
        } catch (IllegalArgumentException e) {
            throw new InvalidTrainableException(type, member, annotation.annotationType(), e.getMessage(),
                    "correct the annotation's values");
        }
        if (when != null) {
            try {
                domain = new Conditional(when.param(), List.of((Object[]) when.equals()), domain);
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainableException(type, member, When.class, e.getMessage(),
                        "make it a @Choice, or drop the @When");
            }
            conditionedBy.put(name, member);
        }
        declare(name, domain, member, annotation.annotationType());
        return new Binding.Value(name, valueType, member);
    }

    /** Adds the spaces of the class's {@code @SearchSpace} members. */
    void addProgrammatic() {
        for (Field field : Members.fields(type)) {
            if (field.isAnnotationPresent(SearchSpace.class)) {
                checkStatic(field.getModifiers(), Members.describe(field));
                if (field.getType() != Space.class) {
                    throw invalid(Members.describe(field), "its type is " + field.getType().getSimpleName(),
                            "declare it as dev.tune.space.Space");
                }
                add(read(() -> { field.setAccessible(true); return field.get(null); }, Members.describe(field)),
                        Members.describe(field));
            }
        }
        for (Method method : Members.methods(type, SearchSpace.class)) {
            String member = Members.describe(method);
            checkStatic(method.getModifiers(), member);
            if (method.getReturnType() != Space.class || method.getParameterCount() != 0) {
                throw invalid(member, "it must take no parameters and return dev.tune.space.Space",
                        "declare it as static Space " + method.getName() + "()");
            }
            add(read(() -> { method.setAccessible(true); return method.invoke(null); }, member), member);
        }
    }

    Space build() {
        var builder = Space.builder();
        WhenConditions.resolve(type, domains, conditionedBy).forEach(builder::add);
        Space space = builder.build();
        for (Binding.Value reference : references) {
            if (!space.domains().containsKey(reference.name())) {
                throw new InvalidTrainableException(type, reference.member(), Param.class,
                        "no hyperparameter named '" + reference.name() + "'; the space has " + space.domains().keySet(),
                        "declare it with a domain annotation or in a @SearchSpace member, or correct the name");
            }
        }
        return space;
    }

    private void add(Space space, String member) {
        space.domains().forEach((name, domain) -> declare(name, domain, member, SearchSpace.class));
    }

    private void declare(String name, Domain domain, String member, Class<? extends Annotation> annotation) {
        String earlier = declaredBy.putIfAbsent(name, member);
        if (earlier != null) {
            throw new InvalidTrainableException(type, member, annotation, "hyperparameter '" + name
                    + "' is already declared by " + earlier, "declare it once and bind other members with @Param(\""
                    + name + "\")");
        }
        domains.put(name, domain);
    }

    private interface Reflective {
        Object get() throws ReflectiveOperationException;
    }

    private Space read(Reflective access, String member) {
        try {
            Object value = access.get();
            if (value == null) {
                throw invalid(member, "it returned null", "return a Space built with Space.builder()");
            }
            return (Space) value;
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new InvalidTrainableException(type, member, SearchSpace.class, "building the space threw " + cause,
                    "fix the space definition", cause);
        } catch (IllegalArgumentException e) {
            throw invalid(member, e.getMessage(), "fix the space definition");
        }
    }

    private void checkStatic(int modifiers, String member) {
        if (!Modifier.isStatic(modifiers)) {
            throw invalid(member, "it is not static", "make it static: the space is read before any instance exists");
        }
    }

    private InvalidTrainableException invalid(String member, String problem, String fix) {
        return new InvalidTrainableException(type, member, SearchSpace.class, problem, fix);
    }

    private static String names(List<Annotation> found, Param param) {
        List<String> names = new ArrayList<>();
        found.forEach(a -> names.add("@" + a.annotationType().getSimpleName()));
        if (param != null) {
            names.add("@Param");
        }
        return names.toString();
    }
}
