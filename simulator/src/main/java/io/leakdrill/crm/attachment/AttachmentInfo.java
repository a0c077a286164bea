package io.leakdrill.crm.attachment;

/**
 * A filed attachment as the deal page lists it: name, declared and sniffed type, size, checksum and the scan's
 * verdict.
 */
public record AttachmentInfo(String id, long dealId, String fileName, String contentType, String sniffedType,
        int bytes, long crc32c,
        boolean quarantined, String uploadedBy, long atMillis) {
}
