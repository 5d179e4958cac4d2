package io.stateway.model.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Files that hold secrets the services generate for themselves (admin tokens, the launcher's suite
 * secrets): readable by their owner only where the file system has POSIX permissions, from the moment
 * they exist, and written whole. The content goes to a temporary file created owner-only beside the
 * target, then replaces the target in one move, so that no other user can read it in between and a crash
 * leaves the old content or the new one, never a half-written or missing file.
 */
public final class SecretFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /**
     * Writes the file, creating its directories.
     *
     * @return whether it is readable by its owner only; false on file systems without POSIX permissions,
     *     where the directory's own protection applies (callers say so in their log)
     */
    public static boolean write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
        String prefix = "." + file.getFileName() + ".";
        Path temporary = posix
                ? Files.createTempFile(directory, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, prefix, ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        return posix;
    }

    /** A secret of this many random bytes, as lower-case hex. */
    public static String randomHex(int bytes) {
        return HexFormat.of().formatHex(randomBytes(bytes));
    }

    /** This many bytes from a {@link SecureRandom}. */
    public static byte[] randomBytes(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
