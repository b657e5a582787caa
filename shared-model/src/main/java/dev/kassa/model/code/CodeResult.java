package dev.kassa.model.code;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;

/**
 * The outcome of reading a code: the parsed value, or a typed reason with a human message. Scans are
 * hostile input (misreads, wrong symbologies, fingers on the keyboard), so bad input is a value the
 * caller handles, never an exception from deep inside.
 */
public sealed interface CodeResult<T> {

  /** A code that passed every check. */
  record Ok<T>(T value) implements CodeResult<T> {
    public Ok {
      requireNonNull(value, "value == null");
    }
  }

  /** A code that failed; {@code message} says what is wrong in words a cashier can act on. */
  record Invalid<T>(InvalidReason reason, String message) implements CodeResult<T> {
    public Invalid {
      requireNonNull(reason, "reason == null");
      requireNonNull(message, "message == null");
    }

    /** The same failure as a result of another type, to pass it up unchanged. */
    public <R> Invalid<R> retyped() {
      return new Invalid<>(reason, message);
    }
  }

  static <T> CodeResult<T> ok(T value) {
    return new Ok<>(value);
  }

  static <T> CodeResult<T> invalid(InvalidReason reason, String message) {
    return new Invalid<>(reason, message);
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value; an {@link IllegalStateException} with the message for an invalid code. */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) {
      return ok.value();
    }
    Invalid<T> invalid = (Invalid<T>) this;
    throw new IllegalStateException(invalid.reason() + ": " + invalid.message());
  }

  default <R> CodeResult<R> map(Function<? super T, ? extends R> mapper) {
    if (this instanceof Ok<T> ok) {
      return new Ok<>(mapper.apply(ok.value()));
    }
    return ((Invalid<T>) this).retyped();
  }

  default <R> CodeResult<R> flatMap(Function<? super T, CodeResult<R>> mapper) {
    if (this instanceof Ok<T> ok) {
      return mapper.apply(ok.value());
    }
    return ((Invalid<T>) this).retyped();
  }

  /** The reason, or null for an {@link Ok}; handy in tests and logs. */
  default InvalidReason reasonOrNull() {
    return this instanceof Invalid<T> invalid ? invalid.reason() : null;
  }
}
