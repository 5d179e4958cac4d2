package io.stateway.model.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path home;

    @Test
    void write_createsTheDirectories_andTheFileHoldsExactlyTheContent() throws IOException {
        Path file = home.resolve("a/b/admin.token");

        SecretFiles.write(file, "s3cret");

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("s3cret");
    }

    @Test
    void write_overAWorldReadableFile_leavesItOwnerOnly_withTheNewContent_andNoTemporaryFileBehind()
            throws IOException {
        assumeTrue(Files.getFileStore(home).supportsFileAttributeView(PosixFileAttributeView.class));
        Path file = home.resolve("secrets.properties");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        boolean ownerOnly = SecretFiles.write(file, "new");

        assertThat(ownerOnly).isTrue();
        assertThat(Files.readString(file)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void randomHex_isTwoHexDigitsPerByte_andDiffersEachTime() {
        String one = SecretFiles.randomHex(32);
        String two = SecretFiles.randomHex(32);

        assertThat(one).hasSize(64).matches("[0-9a-f]+");
        assertThat(two).isNotEqualTo(one);
    }
}
