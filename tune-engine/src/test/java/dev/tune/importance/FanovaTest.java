package dev.tune.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * fANOVA against Optuna's own: {@code optuna-fanova-fixture.json} holds three fixed trial sets
 * (random search on functions with numbers, log numbers, integers, steps and choices) and what
 * Optuna 4.9's {@code get_param_importances} gave for them ({@code make_optuna_fixture.py}).
 */
class FanovaTest {

    private static final String FIXTURE = "optuna-fanova-fixture.json";

    static Stream<String> studies() {
        return Stream.of("mixed", "branin_like", "steps");
    }

    @ParameterizedTest
    @MethodSource("studies")
    void ranksHyperparametersAsOptunaDoesOnTheSameTrials(String name) throws IOException {
        JsonNode study = study(name);
        List<String> optuna = new ArrayList<>();
        study.path("importances").fieldNames().forEachRemaining(optuna::add);

        for (long seed = 0; seed < 3; seed++) {
            List<ParamImportance> ours = new Fanova(64, 64, seed).evaluate(columns(study), targets(study));

            assertEquals(optuna, ours.stream().map(ParamImportance::name).toList(),
                    name + ", seed " + seed + ": " + ours + " against Optuna's " + study.path("importances"));
            for (ParamImportance importance : ours) {
                double theirs = study.path("importances").path(importance.name()).asDouble();
                assertEquals(theirs, importance.importance(), 0.03, name + " " + importance.name());
            }
        }
    }

    @Test
    void importancesAddUpToOneAndAreReproducibleBySeed() throws IOException {
        JsonNode study = study("mixed");
        List<ParamImportance> first = new Fanova(16, 64, 7).evaluate(columns(study), targets(study));
        List<ParamImportance> again = new Fanova(16, 64, 7).evaluate(columns(study), targets(study));

        assertEquals(first, again);
        assertEquals(1, first.stream().mapToDouble(ParamImportance::importance).sum(), 1e-9);
    }

    @Test
    void aConstantObjectiveOrASingleValuedDomainExplainsNothing() {
        double[] xs = {0.1, 0.5, 0.9, 0.3};
        List<ParamColumn> params = List.of(ParamColumn.number("x", 0, 1, xs),
                ParamColumn.choice("fixed", 1, new double[4]));

        List<ParamImportance> flat = Fanova.defaults().evaluate(params, new double[] {2, 2, 2, 2});
        List<ParamImportance> varying = Fanova.defaults().evaluate(params, new double[] {1, 2, 3, 4});

        assertTrue(flat.stream().allMatch(p -> p.importance() == 0), flat.toString());
        assertEquals(List.of(new ParamImportance("x", 1), new ParamImportance("fixed", 0)), varying);
    }

    private static JsonNode study(String name) throws IOException {
        try (InputStream in = FanovaTest.class.getResourceAsStream(FIXTURE)) {
            for (JsonNode study : new ObjectMapper().readTree(in).path("studies")) {
                if (study.path("name").asText().equals(name)) {
                    return study;
                }
            }
        }
        throw new IllegalArgumentException("no study " + name + " in " + FIXTURE);
    }

    private static double[] targets(JsonNode study) {
        JsonNode trials = study.path("trials");
        double[] targets = new double[trials.size()];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = trials.get(i).path("value").asDouble();
        }
        return targets;
    }

    private static List<ParamColumn> columns(JsonNode study) {
        JsonNode trials = study.path("trials");
        List<ParamColumn> columns = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : study.path("distributions").properties()) {
            String name = entry.getKey();
            JsonNode dist = entry.getValue();
            double[] values = new double[trials.size()];
            if (dist.path("type").asText().equals("categorical")) {
                List<String> choices = new ArrayList<>();
                dist.path("choices").forEach(c -> choices.add(c.asText()));
                for (int i = 0; i < values.length; i++) {
                    values[i] = choices.indexOf(trials.get(i).path("params").path(name).asText());
                }
                columns.add(ParamColumn.choice(name, choices.size(), values));
            } else {
                for (int i = 0; i < values.length; i++) {
                    values[i] = trials.get(i).path("params").path(name).asDouble();
                }
                columns.add(ParamColumn.number(name, dist.path("low").asDouble(), dist.path("high").asDouble(), values));
            }
        }
        return columns;
    }
}
