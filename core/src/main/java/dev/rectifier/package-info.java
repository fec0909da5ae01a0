/**
 * The public model API: {@link dev.rectifier.Sequential}, {@link dev.rectifier.Dense}, {@link
 * dev.rectifier.Loss}, {@link dev.rectifier.Optimizer}, and the lookups {@link
 * dev.rectifier.Activations} and {@link dev.rectifier.Optimizers}.
 *
 * <p>Public and stable within a major version.
 */
package dev.rectifier;
