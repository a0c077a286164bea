package io.leakdrill.crm.attachment;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/** Streams an upload's body into a direct buffer, so that a large file never lands on the heap. */
final class DirectStaging {

    private DirectStaging() {
    }

    static void fill(ByteBuffer buffer, InputStream body, int length) throws IOException {
        buffer.clear().limit(length);
        ReadableByteChannel channel = Channels.newChannel(body);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("upload ended after " + buffer.position() + " of " + length + " bytes");
            }
        }
        buffer.flip();
    }
}
