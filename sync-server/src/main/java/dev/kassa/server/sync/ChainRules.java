package dev.kassa.server.sync;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rules of a terminal's journal chain, as pure functions of the links the server holds (the
 * union of everything received), so arrival order never changes the verdict.
 *
 * <ul>
 *   <li>A <b>fork</b> at seq s: two documents claim s, or a document at s names a previous hash
 *       that no document held at s - 1 has.</li>
 *   <li>The chain is <b>contiguous</b> up to the highest c such that seq 1..c each have a link
 *       following on from the one before; anything held beyond c is a <b>gap</b> (for now).</li>
 * </ul>
 */
public final class ChainRules {
  private ChainRules() {}

  /** One received link of a terminal's journal. */
  public record Link(long seq, String hash, String previousHash, UUID eventId) {
    public Link {
      requireNonNull(hash, "hash == null");
      requireNonNull(previousHash, "previousHash == null");
      requireNonNull(eventId, "eventId == null");
    }
  }

  /** Where the unbroken chain ends: seq 0 and "" before the first document. */
  public record Head(long seq, String hash) {}

  /** The forks among {@code links} at the seqs in {@code affected}; {@code links} must cover s - 1 and s. */
  public static List<Link> forksAt(Set<Long> affected, List<Link> links) {
    Map<Long, List<Link>> bySeq = bySeq(links);
    List<Link> forks = new ArrayList<>();
    for (long s : affected) {
      List<Link> here = bySeq.getOrDefault(s, List.of());
      if (here.size() > 1) {
        forks.addAll(here);
        continue;
      }
      List<Link> before = bySeq.getOrDefault(s - 1, List.of());
      for (Link link : here) {
        if (s > 1 && !before.isEmpty() && before.stream().noneMatch(p -> p.hash().equals(link.previousHash()))) {
          forks.add(link);
        }
      }
    }
    return forks;
  }

  /**
   * Moves {@code head} on through {@code after} (links with seq > head.seq) while each next seq
   * has a link that follows on; among several that do, the smallest hash, so every server agrees.
   */
  public static Head advance(Head head, List<Link> after) {
    Map<Long, List<Link>> bySeq = bySeq(after);
    Head current = head;
    while (true) {
      Head from = current;
      List<Link> next = bySeq.getOrDefault(from.seq() + 1, List.of());
      Link follower = next.stream()
          .filter(l -> from.seq() == 0 || l.previousHash().equals(from.hash()))
          .min(Comparator.comparing(Link::hash))
          .orElse(null);
      if (follower == null) {
        return current;
      }
      current = new Head(follower.seq(), follower.hash());
    }
  }

  /** The seqs whose fork verdict a new link at each of {@code seqs} can change: s and s + 1. */
  public static Set<Long> affectedBy(Iterable<Long> seqs) {
    Set<Long> affected = new HashSet<>();
    for (long s : seqs) {
      affected.add(s);
      affected.add(s + 1);
    }
    return affected;
  }

  private static Map<Long, List<Link>> bySeq(List<Link> links) {
    Map<Long, List<Link>> bySeq = new TreeMap<>();
    for (Link link : links) {
      bySeq.computeIfAbsent(link.seq(), k -> new ArrayList<>()).add(link);
    }
    return bySeq;
  }
}
