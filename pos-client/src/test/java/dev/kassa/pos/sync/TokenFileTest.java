package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileTest {
  @TempDir Path dataDir;

  @Test
  void theTokenFileIsReadableOnlyByItsOwner() throws IOException {
    TokenFile tokens = new TokenFile(dataDir);
    tokens.write("kt_abc123");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens.path()))).isEqualTo("rw-------");
    assertThat(new TokenFile(dataDir).read()).isEqualTo("kt_abc123");
  }

  @Test
  void reEnrolmentReplacesTheToken() throws IOException {
    TokenFile tokens = new TokenFile(dataDir);
    tokens.write("first");
    tokens.write("second");
    assertThat(new TokenFile(dataDir).read()).isEqualTo("second");
    assertThat(Files.list(dataDir)).containsExactly(tokens.path());
  }

  @Test
  void noTokenBeforeEnrolment() {
    assertThat(new TokenFile(dataDir).read()).isNull();
  }

  @Test
  void refusesATokenThatCouldBreakAnHttpHeader() {
    assertThatThrownBy(() -> new TokenFile(dataDir).write("abc\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Where the file system has ACLs instead of POSIX modes (Windows): one entry, for the owner alone. */
  @Test
  void onAnAclFileSystemOnlyTheOwnerHasAnEntry() {
    UserPrincipal till = () -> "till";

    List<AclEntry> acl = TokenFile.ownerOnly(till);

    assertThat(acl).singleElement().satisfies(entry -> {
      assertThat(entry.type()).isEqualTo(AclEntryType.ALLOW);
      assertThat(entry.principal()).isSameAs(till);
      assertThat(entry.permissions()).contains(AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA,
          AclEntryPermission.DELETE);
      assertThat(entry.flags()).isEmpty();
    });
  }
}
