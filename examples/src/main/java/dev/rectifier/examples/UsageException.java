package dev.rectifier.examples;

/** A command line that cannot run: the message says what is wrong; the usage follows it. */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
