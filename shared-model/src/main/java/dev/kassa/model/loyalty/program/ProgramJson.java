package dev.kassa.model.loyalty.program;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads and writes program documents. Strict where the sync codec is tolerant: an office user's typo
 * ({@code "percnt"}) must be an error naming the field, not a silently ignored rule. Decimals are read
 * as {@link java.math.BigDecimal}, so {@code 2.5} stays exactly 2.5.
 */
public final class ProgramJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .serializationInclusion(JsonInclude.Include.NON_EMPTY)
      .build();

  private ProgramJson() {}

  /**
   * Parses a document without judging its content (see {@link ProgramValidator}); malformed JSON,
   * an unknown field or a value of the wrong type is an {@link InvalidProgramException} with the path.
   */
  public static LoyaltyProgram read(String json) {
    try {
      return MAPPER.readValue(json, LoyaltyProgram.class);
    } catch (JsonMappingException e) {
      throw new InvalidProgramException(List.of(new ProgramViolation(path(e), describe(e))));
    } catch (JsonProcessingException e) {
      throw new InvalidProgramException(List.of(new ProgramViolation("$", "malformed JSON: " + e.getOriginalMessage())));
    }
  }

  /** Reads and validates: the program, or an {@link InvalidProgramException} listing every problem. */
  public static LoyaltyProgram readValid(String json) {
    LoyaltyProgram program = read(json);
    List<ProgramViolation> violations = ProgramValidator.validate(program);
    if (!violations.isEmpty()) {
      throw new InvalidProgramException(violations);
    }
    return program;
  }

  public static String write(LoyaltyProgram program) {
    try {
      return MAPPER.writeValueAsString(program);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String path(JsonMappingException e) {
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
    return path.length() == 0 ? "$" : path.toString();
  }

  private static String describe(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field (known: " + unknown.getKnownPropertyIds() + ")";
    }
    String message = e.getOriginalMessage();
    int cut = message.indexOf(" at [Source");
    return cut > 0 ? message.substring(0, cut) : message;
  }
}
