package io.ttquant.app.report;

/**
 * Escapes text for HTML and SVG: element content and quoted attribute values. Every piece of text
 * that did not come from a literal in this package goes through it.
 *
 * <p>It never lets markup through: {@code & < > " '} become entities, control characters other
 * than tab and line ends are dropped, and a lone surrogate becomes U+FFFD.
 */
final class Html {
    private Html() {
    }

    /** Text for element content. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            String rep = replacement(s, i, c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(n + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Text for a double-quoted attribute value (same escaping: quotes are entities too). */
    static String attr(String s) {
        return text(s);
    }

    private static String replacement(String s, int i, char c) {
        switch (c) {
            case '&':
                return "&amp;";
            case '<':
                return "&lt;";
            case '>':
                return "&gt;";
            case '"':
                return "&quot;";
            case '\'':
                return "&#39;";
            case '\t':
            case '\n':
            case '\r':
                return null;
            default:
                break;
        }
        if (c < 0x20 || c == 0x7f) {
            return "";
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? null : "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(s.charAt(i - 1)) ? null : "\uFFFD";
        }
        return null;
    }
}
