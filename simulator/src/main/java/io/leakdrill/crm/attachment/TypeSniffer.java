package io.leakdrill.crm.attachment;

/** Tells a file's real type from its first bytes, whatever name and Content-Type the browser sent with it. */
final class TypeSniffer {

    private TypeSniffer() {
    }

    static String sniff(byte[] head) {
        if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
            return "application/pdf";
        }
        if (startsWith(head, 0x89, 0x50, 0x4E, 0x47)) {
            return "image/png";
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return "application/zip";
        }
        return "application/octet-stream";
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
