package dev.rectifier;

import java.io.IOException;

/**
 * A model file (or stream) that cannot be loaded: wrong magic bytes, an unsupported version, a
 * checksum mismatch, a truncated or overlong file, sizes beyond the file or beyond sane limits,
 * shapes that do not chain, or an activation or optimizer that is not installed. The message
 * names the defect and, where it has one, the byte offset. See {@code docs/format.md}.
 */
public final class ModelFormatException extends IOException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong
   */
  public ModelFormatException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong
   * @param cause the underlying problem
   */
  public ModelFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
