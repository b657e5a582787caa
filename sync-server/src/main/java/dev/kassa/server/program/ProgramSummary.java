package dev.kassa.server.program;

import java.time.Instant;

/** A published version, without its document. */
public record ProgramSummary(int version, Instant publishedAt, String publishedBy) {}
