package io.uptake.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository around the manifests: the apps' configuration, poms and the local topic list. */
final class Repo {

    /** The four apps that k8s/ deploys, by their module folder (also their image and Deployment name). */
    static final List<String> APPS = List.of("gateway", "metrics-service", "feedback-service", "training-service");

    static final Path ROOT = Path.of(System.getProperty("uptake.repo.root", ".."))
            .toAbsolutePath()
            .normalize();
    static final Path K8S = ROOT.resolve("k8s");

    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>uptake-parent</artifactId>\\s*<version>([^<]+)</version>");

    private Repo() {}

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    /** An app's application.properties, production profile only (keys starting with % are dropped). */
    static Map<String, String> prodProperties(String app) {
        Properties all = new Properties();
        try (Reader reader =
                Files.newBufferedReader(ROOT.resolve(app).resolve("src/main/resources/application.properties"))) {
            all.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the properties of " + app, e);
        }
        Map<String, String> prod = new LinkedHashMap<>();
        all.stringPropertyNames().stream()
                .filter(key -> !key.startsWith("%"))
                .sorted()
                .forEach(key -> prod.put(key, all.getProperty(key)));
        return prod;
    }

    /** Replaces ${key} references to other properties of the same file (environment references stay). */
    static String resolve(String value, Map<String, String> properties) {
        Matcher m = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement =
                    properties.containsKey(m.group(1)) ? resolve(properties.get(m.group(1)), properties) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String pom(String module) {
        return read(ROOT.resolve(module).resolve("pom.xml"));
    }

    /** The version every module inherits from uptake-parent: the default tag of the images. */
    static String projectVersion(String module) {
        Matcher m = PROJECT_VERSION.matcher(pom(module));
        if (!m.find()) {
            throw new IllegalStateException("no uptake-parent version in " + module + "/pom.xml");
        }
        return m.group(1);
    }

    /** The production topics of dev/kafka/topics.txt: name, partitions, configs. */
    static List<LocalTopic> localTopics() {
        return read(ROOT.resolve("dev/kafka/topics.txt"))
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields[0].startsWith("uptake."))
                .map(fields -> {
                    Map<String, String> configs = new LinkedHashMap<>();
                    for (int i = 2; i < fields.length; i++) {
                        String[] pair = fields[i].split("=", 2);
                        configs.put(pair[0], pair[1]);
                    }
                    return new LocalTopic(fields[0], Integer.parseInt(fields[1]), configs);
                })
                .toList();
    }

    record LocalTopic(String name, int partitions, Map<String, String> configs) {}
}
