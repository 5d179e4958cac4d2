package io.stateway.launcher;

/** A failure to tell the user in one message, without a stack trace: what went wrong and what to do. */
final class LauncherException extends RuntimeException {

    LauncherException(String message) {
        super(message);
    }

    LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
