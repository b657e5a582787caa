package dev.kassa.pos.ledger;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * What {@code verify} found: how many documents and journal links it checked and every
 * discrepancy, each naming the document (receipt number where it has one) and what is wrong.
 */
public record VerifyReport(long documentsChecked, long linksChecked, List<Finding> findings) {

  public enum Kind {
    /** The document's rows no longer hash to its journal link: an amount, line or field was edited. */
    CHANGED,
    /** A journal link or receipt number exists whose document is gone. */
    DELETED,
    /** A document exists that no journal link covers, or a link that follows no other. */
    INSERTED,
    /** A link sits at another place in the chain than where it was written. */
    REORDERED
  }

  /** {@code receiptNo} is 0 and {@code documentId} null when the finding is not about one document. */
  public record Finding(Kind kind, long seq, long receiptNo, UUID documentId, String message) {
    public Finding {
      requireNonNull(kind, "kind == null");
      requireNonNull(message, "message == null");
    }

    @Override
    public String toString() {
      return kind + ": " + message;
    }
  }

  public VerifyReport {
    findings = List.copyOf(findings);
  }

  public boolean ok() {
    return findings.isEmpty();
  }

  public String summary() {
    if (ok()) {
      return "journal OK: " + linksChecked + " links, " + documentsChecked + " documents verified";
    }
    StringBuilder text = new StringBuilder("journal NOT OK: " + findings.size() + " problem(s) in " + linksChecked
        + " links, " + documentsChecked + " documents");
    for (Finding finding : findings) {
      text.append(System.lineSeparator()).append("  ").append(finding);
    }
    return text.toString();
  }
}
