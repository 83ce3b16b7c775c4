package dev.tune.trainable;

import dev.tune.When;
import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.Grid;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finishes the conditions that {@code @When} annotations declared: each text value becomes the
 * parent's own value (a choice as it prints, or a number), and every conditional hyperparameter is
 * placed after its parent, since members come in no guaranteed order. Mistakes name the member.
 */
final class WhenConditions {

    private WhenConditions() {
    }

    /** The domains in an order where parents come first, with {@code @When} values resolved. */
    static Map<String, Domain> resolve(Class<?> type, Map<String, Domain> domains, Map<String, String> conditionedBy) {
        Map<String, Domain> resolved = new LinkedHashMap<>();
        domains.forEach((name, domain) -> resolved.put(name, conditionedBy.containsKey(name)
                ? typed(type, conditionedBy.get(name), (Conditional) domain, domains) : domain));
        Map<String, Domain> ordered = new LinkedHashMap<>();
        List<String> waiting = new ArrayList<>(resolved.keySet());
        while (!waiting.isEmpty()) {
            boolean placed = false;
            for (String name : List.copyOf(waiting)) {
                Domain domain = resolved.get(name);
                if (!(domain instanceof Conditional c) || ordered.containsKey(c.parent())) {
                    ordered.put(name, domain);
                    waiting.remove(name);
                    placed = true;
                }
            }
            if (!placed) {
                String name = waiting.get(0);
                throw new InvalidTrainableException(type, conditionedBy.getOrDefault(name, name), When.class,
                        "the conditions of " + waiting + " depend on each other in a cycle", "break the cycle");
            }
        }
        return ordered;
    }

    private static Conditional typed(Class<?> type, String member, Conditional condition, Map<String, Domain> domains) {
        Domain parent = domains.get(condition.parent());
        if (parent == null) {
            throw new InvalidTrainableException(type, member, When.class, "no hyperparameter named '"
                    + condition.parent() + "'; the space has " + domains.keySet(), "name a declared hyperparameter");
        }
        if (parent instanceof Conditional c) {
            parent = c.base();
        }
        List<Object> values = new ArrayList<>();
        for (Object text : condition.values()) {
            values.add(value(type, member, condition.parent(), parent, String.valueOf(text)));
        }
        return new Conditional(condition.parent(), values, condition.domain());
    }

    private static Object value(Class<?> type, String member, String parentName, Domain parent, String text) {
        if (parent instanceof Categorical || parent instanceof Grid) {
            List<Object> choices = parent instanceof Categorical c ? c.values() : ((Grid) parent).values();
            for (Object choice : choices) {
                if (String.valueOf(choice).equals(text)) {
                    return choice;
                }
            }
            throw new InvalidTrainableException(type, member, When.class, "'" + parentName + "' never takes the value '"
                    + text + "'; its values are " + choices, "use one of them");
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new InvalidTrainableException(type, member, When.class, "'" + parentName + "' is a number, not '"
                    + text + "'", "write the value as a number");
        }
    }
}
