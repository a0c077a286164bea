package io.leakdrill.crm.attachment;

/** One attachment as a user sent it: the deal, the file's name and type, and who sent it. */
public record UploadRequest(long dealId, String fileName, String contentType, String uploadedBy) {
}
