/**
 * The Maven plugin (goal prefix {@code tune}): {@code tune:run} runs a project's experiments,
 * {@code tune:list} lists them, {@code tune:report} writes their {@code report.html} again, and
 * {@code tune:dashboard} serves their reports live. A thin shell over the tuner in the style of JaCoCo's plugin: one
 * Mojo per goal, a base Mojo for {@code skip} and the shared settings, and helpers that hand the
 * work to the engine ({@code ProjectTrainables} finds the trainables, {@code RunSupport} runs
 * them, {@code Summary} prints the final table). The plugin holds no tuning logic of its own.
 */
package dev.tune.maven;
