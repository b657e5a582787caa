package dev.kassa.server.catalog;

import dev.kassa.server.http.FieldError;
import java.util.List;

/** A catalog import that cannot be applied; nothing of it was stored. */
public final class ImportRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public ImportRejectedException(List<FieldError> errors) {
    super(errors.size() + " problem(s) in the import");
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
