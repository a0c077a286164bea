package io.leakdrill.world.crm;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Follows a CRM's log file and reports new lines that mention an OutOfMemoryError. */
public final class CrmLogWatcher {

    private final Path file;
    private long offset;

    public CrmLogWatcher(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public List<String> newOutOfMemoryLines() {
        List<String> found = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return found;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) {
                return found;
            }
            offset += text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
            for (String line : text.substring(0, lastNewline).split("\n")) {
                if (line.contains("OutOfMemoryError")) {
                    found.add(line.strip());
                }
            }
        } catch (IOException e) {
            // The file appears with the process; nothing to report until it does.
        }
        return found;
    }
}
