package io.ttquant.bench.sim;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} flags of a load tool, read once at start. Refuses an unknown flag or a
 * flag without a value with a message naming it, so a typo never silently runs the default.
 */
public final class LoadFlags {
    private final Map<String, String> values = new HashMap<>();

    public LoadFlags(String[] args, String usage, String... known) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --flag value, got " + a + "\n" + usage);
            }
            String name = a.substring(2);
            if (!java.util.List.of(known).contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "\n" + usage);
            }
            values.put(name, args[++i]);
        }
    }

    public String string(String name, String dflt) {
        return values.getOrDefault(name, dflt);
    }

    public int integer(String name, int dflt) {
        String v = values.get(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    public double decimal(String name, double dflt) {
        String v = values.get(name);
        return v == null ? dflt : Double.parseDouble(v);
    }
}
