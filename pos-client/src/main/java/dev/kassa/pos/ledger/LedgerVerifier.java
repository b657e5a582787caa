package dev.kassa.pos.ledger;

import dev.kassa.pos.ledger.VerifyReport.Finding;
import dev.kassa.pos.ledger.VerifyReport.Kind;
import dev.kassa.pos.ledger.store.JournalRow;
import dev.kassa.pos.ledger.store.LedgerStore;
import dev.kassa.pos.ledger.store.StoredDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Recomputes the journal from the documents' rows and compares it with the links as written.
 * Walks the links in order: a missing place is a deletion, a link whose predecessor hash belongs to
 * another place is a reordering, a document whose rows hash differently is a change, and a
 * document no link covers is an insertion. Receipt numbers must run 1..last without holes except
 * the ones a restore recorded.
 */
final class LedgerVerifier {
  private LedgerVerifier() {}

  static VerifyReport verify(LedgerStore store) {
    List<JournalRow> links = store.journal();
    List<StoredDocument> all = store.documents();
    Map<UUID, StoredDocument> documents = new LinkedHashMap<>();
    for (StoredDocument doc : all) {
      documents.put(doc.id(), doc);
    }
    long documentCount = documents.size();
    Map<UUID, Long> writtenAt = writtenPlaces(links);
    List<Finding> findings = new ArrayList<>();
    String previousHash = "";
    long expectedSeq = 1;
    for (JournalRow link : links) {
      boolean gap = link.seq() != expectedSeq;
      if (gap) {
        findings.add(new Finding(Kind.DELETED, expectedSeq, 0, null, "journal links " + expectedSeq
            + (link.seq() - 1 > expectedSeq ? ".." + (link.seq() - 1) : "") + " are missing (documents deleted)"));
      }
      StoredDocument doc = documents.remove(link.docId());
      String name = doc == null ? link.docKind() + " " + link.docId() : describe(doc);
      if (doc == null) {
        findings.add(new Finding(Kind.DELETED, link.seq(), 0, link.docId(),
            name + " (journal link " + link.seq() + ") is missing from the ledger"));
      } else if (doc.payload() == null) {
        findings.add(new Finding(Kind.CHANGED, link.seq(), doc.receiptNo(), doc.id(),
            name + " was changed: its rows no longer form a valid document (" + doc.problem() + ")"));
      } else if (!JournalChain.hash(link.previousHash(), doc.payload()).equals(link.hash())) {
        findings.add(new Finding(Kind.CHANGED, link.seq(), doc.receiptNo(), doc.id(),
            name + " was changed after it was committed (its content no longer matches journal link " + link.seq() + ")"));
      }
      if (!link.previousHash().equals(previousHash) && !gap) {
        Long written = writtenAt.get(link.docId());
        if (written != null && written != link.seq()) {
          findings.add(new Finding(Kind.REORDERED, link.seq(), doc == null ? 0 : doc.receiptNo(), link.docId(),
              name + " is out of order: it was written as journal link " + written + ", but now sits at " + link.seq()));
        } else if (written == null) {
          findings.add(new Finding(Kind.INSERTED, link.seq(), doc == null ? 0 : doc.receiptNo(), link.docId(),
              "journal link " + link.seq() + " (" + name + ") does not follow link " + (link.seq() - 1)
                  + ": a link was inserted or rewritten"));
        }
      }
      previousHash = link.hash();
      expectedSeq = link.seq() + 1;
    }
    for (StoredDocument doc : documents.values()) {
      findings.add(new Finding(Kind.INSERTED, 0, doc.receiptNo(), doc.id(),
          describe(doc) + " is not in the journal (inserted into the ledger after the fact)"));
    }
    checkReceiptNumbers(store, all, findings);
    return new VerifyReport(documentCount, links.size(), findings);
  }

  /**
   * Where each link was written, found by following the hashes from the start of the chain
   * rather than trusting the stored places; links the walk does not reach are absent.
   */
  private static Map<UUID, Long> writtenPlaces(List<JournalRow> links) {
    Map<String, JournalRow> successor = new HashMap<>();
    for (JournalRow link : links) {
      successor.putIfAbsent(link.previousHash(), link);
    }
    Map<UUID, Long> places = new HashMap<>();
    JournalRow next = successor.get("");
    long place = 1;
    while (next != null && !places.containsKey(next.docId())) {
      places.put(next.docId(), place++);
      next = successor.get(next.hash());
    }
    return places;
  }

  private static void checkReceiptNumbers(LedgerStore store, List<StoredDocument> all, List<Finding> findings) {
    TreeSet<Long> used = new TreeSet<>();
    for (StoredDocument doc : all) {
      if (doc.receiptNo() > 0 && !used.add(doc.receiptNo())) {
        findings.add(new Finding(Kind.INSERTED, 0, doc.receiptNo(), doc.id(), "receipt " + doc.receiptNo() + " is used twice"));
      }
    }
    for (long[] gap : store.knownReceiptGaps()) {
      for (long no = gap[0]; no <= gap[1]; no++) {
        used.add(no);
      }
    }
    long last = store.terminal() == null ? 0 : store.terminal().lastReceiptNo();
    for (long no = 1; no <= last; no++) {
      if (!used.contains(no)) {
        findings.add(new Finding(Kind.DELETED, 0, no, null, "receipt " + no + " is missing"));
      }
    }
  }

  private static String describe(StoredDocument doc) {
    return doc.receiptNo() > 0 ? doc.kind() + " receipt " + doc.receiptNo() : doc.kind() + " " + doc.id();
  }
}
