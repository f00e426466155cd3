package io.csms.server.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time the CSMS's server process and the PostgreSQL processes have used so far, read from
 * {@code /proc} (Linux): the load tool subtracts two readings to report CPU per call or per push.
 * Empty readings (0) on machines without {@code /proc}.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on every Linux we run on). */
    private static final double TICKS_PER_SECOND = 100.0;

    /**
     * CPU seconds used so far by the server and by the database, in all and per process (database
     * connections come and go: a process counts from its start or from the earlier reading).
     */
    record Reading(double server, double database, long at, Map<Long, Double> perProcess) {

        Reading(double server, double database, long at) {
            this(server, database, at, Map.of());
        }

        /** CPU seconds between {@code earlier} and this reading, and the wall-clock nanoseconds between them. */
        Reading minus(Reading earlier) {
            double database = 0;
            for (Map.Entry<Long, Double> process : perProcess.entrySet()) {
                database += process.getValue() - earlier.perProcess.getOrDefault(process.getKey(), 0.0);
            }
            return new Reading(server - earlier.server, database, at - earlier.at);
        }

        double seconds() {
            return at / 1e9;
        }
    }

    private ProcessCpu() {}

    static Reading now() {
        double server = 0;
        double database = 0;
        Map<Long, Double> postgres = new HashMap<>();
        for (Path process : processes()) {
            String command = read(process.resolve("cmdline")).replace('\0', ' ');
            if (command.contains("com.sun.enterprise.glassfish.bootstrap.ASMain")
                    || command.contains("jboss-modules")) {
                server += cpuSeconds(process);
            } else if (read(process.resolve("comm")).strip().equals("postgres")) {
                double used = cpuSeconds(process);
                database += used;
                postgres.put(Long.parseLong(process.getFileName().toString()), used);
            }
        }
        return new Reading(server, database, System.nanoTime(), postgres);
    }

    /** Resident memory of the server process, in MB (0 when not found). */
    static long serverRssMegabytes() {
        for (Path process : processes()) {
            String command = read(process.resolve("cmdline")).replace('\0', ' ');
            if (command.contains("com.sun.enterprise.glassfish.bootstrap.ASMain")
                    || command.contains("jboss-modules")) {
                for (String line : read(process.resolve("status")).split("\n")) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                    }
                }
            }
        }
        return 0;
    }

    private static List<Path> processes() {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .collect(ArrayList::new, ArrayList::add, ArrayList::addAll);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line, counted after the command name). */
    private static double cpuSeconds(Path process) {
        String stat = read(process.resolve("stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = stat.substring(end + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
