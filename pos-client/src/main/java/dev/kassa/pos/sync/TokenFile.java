package dev.kassa.pos.sync;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The terminal's bearer token in its data directory, readable only by the user the till runs as
 * (mode 0600 where the file system has POSIX permissions). Written atomically: a crash while
 * re-enrolling leaves the old token or the new one, never half a token. Never logged.
 */
public final class TokenFile {
  private static final String NAME = "terminal.token";
  private final Path file;
  private volatile String cached;

  public TokenFile(Path dataDir) {
    this.file = requireNonNull(dataDir, "dataDir == null").resolve(NAME);
  }

  public Path path() {
    return file;
  }

  /** The token, or null before enrolment. */
  public String read() {
    String token = cached;
    if (token == null && Files.exists(file)) {
      try {
        token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        cached = token.isEmpty() ? null : token;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    return cached;
  }

  public void write(String token) throws IOException {
    requireNonNull(token, "token == null");
    if (token.isBlank() || !token.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("token is not printable ASCII");
    }
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(NAME + ".tmp");
    Files.deleteIfExists(temp);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      // created with 0600 from the start, so the token is never readable by others, not even briefly
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(temp);
    }
    Files.writeString(temp, token, StandardCharsets.US_ASCII);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    cached = token;
  }
}
