package dev.kassa.model.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The demo store's two tills and the one-time enrollment codes ({@code DEMO-T1}, {@code DEMO-T2})
 * a terminal sends to {@code POST /api/v1/terminals/enroll} to get its token. The codes are public
 * demo data; a real server issues random ones.
 */
public record DemoTerminals(List<Terminal> terminals) {

  public record Terminal(String id, String name, String enrollmentCode) {
    public Terminal {
      requireNonNull(id, "id == null");
      requireNonNull(name, "name == null");
      requireNonNull(enrollmentCode, "enrollmentCode == null");
    }
  }

  public DemoTerminals {
    terminals = List.copyOf(requireNonNull(terminals, "terminals == null"));
  }

  public Optional<Terminal> byEnrollmentCode(String code) {
    return terminals.stream().filter(t -> t.enrollmentCode().equals(code)).findFirst();
  }
}
