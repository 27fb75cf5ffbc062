package io.ttquant.app.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One YAML settings file being read by a process's config reader (the gateway's, the strategy
 * engine's): parses it, and looks up sections and values so that every error is one line naming
 * the file and the dotted key at fault ({@code gateway.yaml: risk.order-rate: ...}). Decimals keep
 * the digits written (never read through a double). It knows no process's settings and must never
 * print a value, since a file may sit beside secrets.
 */
public final class YamlConfigFile {
    private final Path file;
    private final String fileName;

    public YamlConfigFile(Path file) {
        this.file = file;
        this.fileName = String.valueOf(file.getFileName());
    }

    /**
     * The file's top mapping, or null when the file is empty.
     *
     * @throws IllegalArgumentException the file is missing, unreadable, not YAML, or not a mapping
     */
    public JsonNode readRoot() {
        JsonNode root;
        try {
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            root = yaml.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--config: no such file: " + file);
        } catch (JacksonException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException(fileName + ": not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new IllegalArgumentException("--config: cannot read " + file + ": " + e.getMessage());
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return null;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(fileName + ": the file must hold a mapping of settings");
        }
        return root;
    }

    /**
     * The mapping under {@code name}, its keys checked against {@code known} (unchecked when null);
     * null when absent or empty.
     */
    public JsonNode section(JsonNode root, String name, String p, Set<String> known) {
        if (!root.has(name) || root.get(name).isNull()) {
            return null;
        }
        JsonNode node = root.get(name);
        if (!node.isObject()) {
            throw new IllegalArgumentException(key(p + name) + ": must be a mapping of settings");
        }
        if (known != null) {
            checkKeys(node, p + name + ".", known);
        }
        return node;
    }

    /** Refuses the first key of {@code node} not in {@code known}, listing the known ones. */
    public void checkKeys(JsonNode node, String p, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!known.contains(k)) {
                List<String> sorted = new ArrayList<>(known);
                sorted.sort(null);
                throw new IllegalArgumentException(key(p + k) + ": unknown setting (known here: " + String.join(", ", sorted) + ")");
            }
        }
    }

    /** The text of a scalar value; a mapping or a list where a value belongs is an error naming the key. */
    public String scalar(JsonNode parent, String name, String p) {
        JsonNode v = parent.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(key(p + name) + ": a value is required");
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(key(p + name) + ": must be a single value, not a " + (v.isArray() ? "list" : "mapping"));
        }
        return v.isBigDecimal() ? v.decimalValue().toPlainString() : v.asText();
    }

    /** The values of a YAML list, or of one comma-separated value. */
    public List<String> list(JsonNode parent, String name, String p) {
        JsonNode v = parent.get(name);
        List<String> out = new ArrayList<>();
        if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw new IllegalArgumentException(key(p + name) + ": must be a list of values");
                }
                out.add(e.asText());
            }
        } else if (v.isValueNode() && !v.isNull()) {
            for (String s : v.asText().split(",")) {
                out.add(s.trim());
            }
        } else {
            throw new IllegalArgumentException(key(p + name) + ": must be a list of values");
        }
        return out;
    }

    /** The key as errors name it: the file's name, then the dotted key. */
    public String key(String dotted) {
        return fileName + ": " + dotted;
    }

    /** A path the file names: a relative one is relative to the file's folder, not to the working directory. */
    public Path besideFile(Path path) {
        Path dir = file.toAbsolutePath().getParent();
        return path.isAbsolute() || dir == null ? path : dir.resolve(path);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int eol = s.indexOf('\n');
        return (eol < 0 ? s : s.substring(0, eol)).strip();
    }
}
