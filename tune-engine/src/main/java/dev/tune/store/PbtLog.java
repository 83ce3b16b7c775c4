package dev.tune.store;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.Config;
import dev.tune.io.AtomicFiles;
import dev.tune.io.Json;
import dev.tune.result.Perturbation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ray's PBT logs in the experiment directory: {@code pbt_global.txt} gets one JSON line per
 * exploit, {@code [target, clone, target iteration, clone iteration, clone config, new config]},
 * and {@code pbt_policy_<trial>.txt} holds the lines that made a trial's current schedule: the
 * donor's policy followed by this step, replaced atomically.
 */
final class PbtLog {

    static final String GLOBAL = "pbt_global.txt";

    private PbtLog() {
    }

    static String policyFile(String trialId) {
        return "pbt_policy_" + trialId + ".txt";
    }

    static void write(Path experimentDir, Perturbation step) {
        byte[] line = line(step);
        try {
            Files.write(experimentDir.resolve(GLOBAL), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Path donorPolicy = experimentDir.resolve(policyFile(step.donorId()));
            ByteArrayOutputStream policy = new ByteArrayOutputStream();
            if (Files.exists(donorPolicy)) {
                policy.write(Files.readAllBytes(donorPolicy));
            }
            policy.write(line);
            AtomicFiles.write(experimentDir.resolve(policyFile(step.trialId())), policy.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the PBT log in " + experimentDir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The exploits recorded in {@code experimentDir}'s {@code pbt_global.txt}, in order; trials are
     * named there, and {@code idsByName} gives their ids. A line that cannot be read is skipped.
     */
    static List<Perturbation> read(Path experimentDir, Map<String, String> idsByName) {
        Path file = experimentDir.resolve(GLOBAL);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        return JsonLinesReader.read(file, line -> {
            JsonNode step = Json.parseArray(line);
            String trial = step.get(0).asText();
            String donor = step.get(1).asText();
            return new Perturbation(idsByName.getOrDefault(trial, trial), trial, idsByName.getOrDefault(donor, donor),
                    donor, step.get(2).asLong(), step.get(3).asLong(), config(step.get(4)), config(step.get(5)));
        });
    }

    private static Config config(JsonNode object) {
        return Json.readConfig(object);
    }

    private static byte[] line(Perturbation step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartArray();
            out.writeString(step.trialName());
            out.writeString(step.donorName());
            out.writeNumber(step.iteration());
            out.writeNumber(step.donorIteration());
            Json.writeConfig(out, step.donorConfig());
            Json.writeConfig(out, step.config());
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
