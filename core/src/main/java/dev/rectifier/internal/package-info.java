/**
 * Internal: spec-string parsing and the ServiceLoader registry. Not exported; no compatibility
 * promise.
 */
package dev.rectifier.internal;
