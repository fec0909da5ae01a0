/**
 * Internal: the kernel layer. One interface per kernel family ({@link
 * dev.rectifier.internal.kernels.ElementwiseKernels}, {@link
 * dev.rectifier.internal.kernels.MatrixKernels}, {@link
 * dev.rectifier.internal.kernels.UpdateKernels}), a scalar implementation that is always correct,
 * and a vector implementation in {@code dev.rectifier.internal.kernels.panama}, chosen once by
 * {@link dev.rectifier.internal.kernels.Kernels}.
 *
 * <p>Exported only to Rectifier's own modules; no compatibility promise.
 */
package dev.rectifier.internal.kernels;
