package dev.kassa.model.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON codec of the sync protocol, used by terminal and server alike.
 *
 * <p>Tolerant reader: unknown properties are ignored, so an older server reads a newer terminal's
 * events and the other way round ({@link #PROTOCOL_VERSION} says which fields a side may expect).
 * Canonical writer: properties sorted, map keys sorted, times as ISO-8601 strings, so that
 * {@link #canonicalBytes(Object)} of equal values are equal bytes: the journal hashes them.
 */
public final class SyncCodec {
  public static final int PROTOCOL_VERSION = 1;
  /** Largest JSON string accepted anywhere in the protocol (a defence against hostile input). */
  public static final int MAX_STRING_LENGTH = 1 << 20;

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
      .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      // isZero(), isWeight() and the like are questions, not state: records serialize their components
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .serializationInclusion(JsonInclude.Include.NON_NULL)
      .build();

  static {
    MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(MAX_STRING_LENGTH)
        .maxNestingDepth(64)
        .build());
  }

  private SyncCodec() {}

  /** The configured mapper, for frameworks that need one (Javalin, OkHttp bodies). Do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static byte[] canonicalBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes JSON; malformed or invalid input is a {@link SyncFormatException} naming what is wrong. */
  public static <T> T fromJson(byte[] json, Class<T> type) {
    try {
      // a change read from these bytes keeps its entity's text (see Change#wireText)
      return MAPPER.readerFor(type).withAttribute(ChangeDeserializer.SOURCE, json).readValue(json);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw SyncFormatException.of(e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw SyncFormatException.of(e);
    }
  }

  public static <T> T fromTree(JsonNode node, Class<T> type) {
    try {
      return MAPPER.treeToValue(node, type);
    } catch (IOException | IllegalArgumentException | NullPointerException e) {
      throw SyncFormatException.of(e);
    }
  }

  public static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }
}
