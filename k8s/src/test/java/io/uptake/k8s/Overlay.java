package io.uptake.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An overlay of k8s/overlays, rendered once per test run by `kubectl kustomize`. */
enum Overlay {
    DEV("dev", "uptake-dev"),
    PROD("prod", "uptake");

    static final ObjectMapper YAML = new YAMLMapper();
    private static final Map<Overlay, Rendering> RENDERED = new ConcurrentHashMap<>();

    final String folder;
    final String namespace;

    Overlay(String folder, String namespace) {
        this.folder = folder;
        this.namespace = namespace;
    }

    Path path() {
        return Repo.K8S.resolve("overlays").resolve(folder);
    }

    /** The YAML text kubectl rendered. */
    String text() {
        return RENDERED.computeIfAbsent(this, Overlay::render).text();
    }

    /** Every rendered document, as a tree. */
    List<JsonNode> documents() {
        return RENDERED.computeIfAbsent(this, Overlay::render).documents();
    }

    Stream<JsonNode> ofKind(String kind) {
        return documents().stream().filter(doc -> kind.equals(doc.path("kind").asText()));
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind)
                .filter(doc -> name.equals(doc.path("metadata").path("name").asText()))
                .findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(folder + " renders no " + kind + " " + name));
    }

    private static Rendering render(Overlay overlay) {
        String text = Kubectl.kustomize(overlay.path());
        return new Rendering(text, parse(text));
    }

    static List<JsonNode> parse(String yaml) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode doc = values.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("rendered YAML does not parse: " + e.getMessage(), e);
        }
        return docs;
    }

    private record Rendering(String text, List<JsonNode> documents) {}

    /** Runs kubectl; fails with the way to get it when it is missing. */
    static final class Kubectl {
        private static final String KUBECTL = System.getProperty("uptake.kubectl", "kubectl");

        private Kubectl() {}

        static String kustomize(Path folder) {
            Path out;
            Path err;
            try {
                out = Files.createTempFile("kustomize", ".yaml");
                err = Files.createTempFile("kustomize", ".err");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Process process;
            try {
                process = new ProcessBuilder(KUBECTL, "kustomize", folder.toString())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError("""
                        kubectl is needed to render k8s/ (`kubectl kustomize`, kustomize v5) and was not found as '%s': \
                        install kubectl 1.27 or newer, or point -Duptake.kubectl=/path/to/kubectl at one (see k8s/README.md). \
                        Debian 12's kubernetes-client (kubectl 1.20) is too old for these overlays.""".formatted(KUBECTL), e);
            }
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("kubectl kustomize " + folder + " took over 60 s");
                }
                String text = Files.readString(out, StandardCharsets.UTF_8);
                String error = Files.readString(err, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new AssertionError(
                            "kubectl kustomize " + folder + " failed (" + process.exitValue() + "):\n" + error);
                }
                return text;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                out.toFile().delete();
                err.toFile().delete();
            }
        }
    }
}
