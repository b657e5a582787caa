package dev.kassa.model.sync;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Input that is not a valid protocol message. The message names the place ({@code field}, a JSON
 * path such as {@code events[3].payload.lines[0].quantity}) and what is wrong, and never echoes
 * the input itself, which may be hostile or huge.
 */
public final class SyncFormatException extends RuntimeException {
  private final String field;

  public SyncFormatException(String field, String message, Throwable cause) {
    super(field.isEmpty() ? message : field + ": " + message, cause);
    this.field = field;
  }

  public String field() {
    return field;
  }

  static SyncFormatException of(Exception e) {
    String field = "";
    Throwable reason = e;
    if (e instanceof JsonMappingException mapping) {
      field = path(mapping);
      // a record's compact constructor threw: its message is the rule that failed
      if (mapping.getCause() instanceof IllegalArgumentException
          || mapping.getCause() instanceof NullPointerException) {
        reason = mapping.getCause();
      }
    }
    String message;
    if (reason instanceof JsonProcessingException processing) {
      message = processing.getOriginalMessage();
    } else {
      message = String.valueOf(reason.getMessage());
    }
    // Jackson quotes offending input in some messages; keep the message short and single-line
    message = message.replaceAll("\\s+", " ");
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    return new SyncFormatException(field, message, e);
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      } else if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      }
    }
    return path.toString();
  }
}
