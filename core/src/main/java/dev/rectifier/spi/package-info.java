/**
 * The service-provider interfaces plug-in authors implement: {@link
 * dev.rectifier.spi.ActivationProvider} and {@link dev.rectifier.spi.Activation} (with the helper
 * {@link dev.rectifier.spi.ElementwiseActivation}), {@link dev.rectifier.spi.OptimizerProvider},
 * the hyper-parameter declarations, and {@link dev.rectifier.spi.ArrayMath}, the bulk math that
 * runs on the same kernels as the built-ins.
 *
 * <p>Public and stable within a major version.
 */
package dev.rectifier.spi;
