package io.csms.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the servers' command-line tools, keeping their output in a log file. */
final class Processes {

    private Processes() {}

    /** Runs a command to completion; fails with the tail of its output when it exits non-zero or times out. */
    static String run(List<String> command, Map<String, String> env, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Path out = Files.createTempFile(log.getParent(), "cmd", ".out");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean done = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            String output = Files.readString(out, StandardCharsets.UTF_8);
            Files.writeString(
                    log,
                    "$ " + redact(command) + "\n" + output,
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            Files.delete(out);
            if (!done) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + redact(command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "Failed (exit " + process.exitValue() + "): " + redact(command) + "\n" + tail(output));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + redact(command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + redact(command), e);
        }
    }

    /** Command lines may carry passwords as system properties: never write those to a log. */
    static String redact(List<String> command) {
        return String.join(" ", command).replaceAll("(?i)(password[^=\\s]*=)(\\S+)", "$1****");
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : output.substring(output.length() - 4000);
    }
}
