package io.leakdrill.crm.attachment;

/**
 * What the virus scan found in one upload: whether it is infected, the checksum the document store files it under,
 * the type its first bytes show, and the file's first bytes, from which the deal page draws its preview.
 */
record ScanVerdict(boolean infected, long crc32c, String sniffedType, byte[] preview) {

    /** An image's preview is a thumbnail drawn from its first 16 KB; a document's, its first kilobyte of text. */
    static int previewBytes(String contentType) {
        return contentType.startsWith("image/") ? 16 * 1024 : 1024;
    }
}
