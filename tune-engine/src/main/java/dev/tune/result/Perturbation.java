package dev.tune.result;

import dev.tune.Config;

/**
 * One exploit-and-explore step of Population Based Training: trial {@code trialName}, at iteration
 * {@code iteration}, took over the checkpoint of {@code donorName} from {@code donorIteration} and
 * went on with {@code config}, explored from the donor's {@code donorConfig}. The fields of Ray's
 * {@code pbt_global.txt} line: target tag, clone tag, target iteration, clone iteration, old config,
 * new config; a trial's steps in order rebuild its schedule of configs.
 */
public record Perturbation(String trialId, String trialName, String donorId, String donorName, long iteration,
        long donorIteration, Config donorConfig, Config config) {
}
