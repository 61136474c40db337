package io.uptake.testsupport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a part of the local infrastructure away and brings everything back, through the project's
 * launcher ({@code ./uptake infra stop <part>}, {@code ./uptake infra up}): for tests of how the apps
 * behave while PostgreSQL or Kafka is unreachable.
 */
public final class LocalOutages {

    private LocalOutages() {}

    /** Stops {@code postgres} or {@code kafka}. */
    public static void stop(String part) {
        launcher("infra", "stop", part);
    }

    /** Starts whatever is stopped and waits until everything is ready again. */
    public static void restore() {
        launcher("infra", "up");
    }

    private static void launcher(String... arguments) {
        String launcher = System.getProperty("uptake.launcher", "../uptake");
        List<String> command = new ArrayList<>(List.of(launcher));
        command.addAll(List.of(arguments));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
