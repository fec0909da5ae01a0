/**
 * The built-in optimizer providers. Not exported from its module: use the optimizers by name
 * through {@code dev.rectifier.Optimizers}.
 */
package dev.rectifier.optim;
