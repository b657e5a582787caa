package dev.kassa.model.sync;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event kind this version does not know; kept whole so nothing is lost in a round trip. */
public final class UnknownPayload implements EventPayload {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  @JsonAnySetter
  void set(String name, Object value) {
    fields.put(name, value);
  }

  @JsonAnyGetter
  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof UnknownPayload that && fields.equals(that.fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }
}
