package io.leakdrill.crm.attachment;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Direct buffers for staging, reused from one upload to the next in power-of-two size classes. Allocating a direct
 * buffer zeroes native memory and only a GC frees it; a small pool makes both rare and bounds what staging holds.
 */
final class StagingBufferPool {

    private static final int SMALLEST = 16 * 1024;

    private final List<ArrayBlockingQueue<ByteBuffer>> idle = new ArrayList<>();
    private final int largest;

    /**
     * @param largest the biggest upload it stages (larger ones get a buffer of their own)
     * @param idlePerClass how many free buffers each size class keeps
     */
    StagingBufferPool(int largest, int idlePerClass) {
        this.largest = largest;
        for (int capacity = SMALLEST; capacity / 2 < largest; capacity *= 2) {
            idle.add(new ArrayBlockingQueue<>(idlePerClass));
        }
    }

    ByteBuffer take(int size) {
        if (size > largest) {
            return ByteBuffer.allocateDirect(size);
        }
        int sizeClass = sizeClass(size);
        ByteBuffer buffer = idle.get(sizeClass).poll();
        return buffer != null ? buffer : ByteBuffer.allocateDirect(SMALLEST << sizeClass);
    }

    /** Returns a buffer for reuse; when its class already keeps enough, it is dropped for the GC to free. */
    void give(ByteBuffer buffer) {
        int capacity = buffer.capacity();
        int sizeClass = sizeClass(capacity);
        // A buffer of its own (an upload larger than the largest class) is not one of the pool's sizes.
        if (sizeClass < idle.size() && SMALLEST << sizeClass == capacity) {
            buffer.clear();
            idle.get(sizeClass).offer(buffer);
        }
    }

    private static int sizeClass(int size) {
        int sizeClass = 0;
        while ((long) SMALLEST << sizeClass < size) {
            sizeClass++;
        }
        return sizeClass;
    }
}
