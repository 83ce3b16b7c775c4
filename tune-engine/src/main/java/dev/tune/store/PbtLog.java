package dev.tune.store;

import dev.tune.io.AtomicFiles;
import dev.tune.io.Json;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tune.result.Perturbation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

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

    private static byte[] line(Perturbation step) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes, com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
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
