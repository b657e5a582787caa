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
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's bearer token in its data directory, readable only by the user the till runs as:
 * mode 0600 where the file system has POSIX permissions, and where it has ACLs instead (NTFS on
 * Windows) an access list of one entry, allowing the file's owner, set in place of the one the file
 * would inherit from its directory (the tests run on Linux and check only that entry). Written
 * atomically: a crash while re-enrolling leaves the old token or the new one, never half a token.
 * Never logged.
 */
public final class TokenFile {
  private static final Logger log = LoggerFactory.getLogger(TokenFile.class);
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
    Set<String> views = FileSystems.getDefault().supportedFileAttributeViews();
    if (views.contains("posix")) {
      // created with 0600 from the start, so the token is never readable by others, not even briefly
      Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else if (views.contains("acl")) {
      // the ACL is set while the file is still empty: the token is never readable by others either
      Files.createFile(temp);
      AclFileAttributeView acl = Files.getFileAttributeView(temp, AclFileAttributeView.class);
      acl.setAcl(ownerOnly(acl.getOwner()));
    } else {
      Files.createFile(temp);
      log.warn("the file system of {} has neither POSIX permissions nor ACLs: the terminal's token file is"
          + " protected only by the directory's own access rules", file.getParent());
    }
    Files.writeString(temp, token, StandardCharsets.US_ASCII);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    cached = token;
  }

  /** The access list of the token file where the file system has ACLs: its owner may read, write and delete it. */
  static List<AclEntry> ownerOnly(UserPrincipal owner) {
    return List.of(AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(requireNonNull(owner, "owner == null"))
        .setPermissions(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA, AclEntryPermission.APPEND_DATA,
            AclEntryPermission.READ_ATTRIBUTES, AclEntryPermission.WRITE_ATTRIBUTES,
            AclEntryPermission.READ_NAMED_ATTRS, AclEntryPermission.WRITE_NAMED_ATTRS, AclEntryPermission.READ_ACL,
            AclEntryPermission.WRITE_ACL, AclEntryPermission.DELETE, AclEntryPermission.SYNCHRONIZE)
        .build());
  }
}
