/**
 * The built-in activation providers. The package is not exported from its module: the classes
 * are public only so that ServiceLoader can instantiate them from the class path. Use them by
 * name through {@code dev.rectifier.Activations}.
 */
package dev.rectifier.activations;
