package io.leakdrill.grader;

/** Keeps terminal text plain ASCII: trainee-typed names can carry any character, escape sequences included. */
final class PlainAscii {

    private PlainAscii() {
    }

    static String of(String text) {
        StringBuilder clean = new StringBuilder(text.length());
        text.chars().forEach(c -> clean.append(c == '\n' || (c >= 0x20 && c < 0x7f) ? (char) c : '?'));
        return clean.toString();
    }
}
