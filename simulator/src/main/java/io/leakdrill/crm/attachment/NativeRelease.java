package io.leakdrill.crm.attachment;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

/**
 * Frees a direct buffer's native memory at once, through the JDK's supported-but-unofficial
 * {@code sun.misc.Unsafe.invokeCleaner} (as Netty and Lucene do), instead of whenever a GC finds it unreachable.
 */
final class NativeRelease {

    private static final MethodHandle INVOKE_CLEANER = lookup();

    private NativeRelease() {
    }

    /** Frees the buffer's memory; the buffer must not be touched afterwards, nor be a slice or duplicate. */
    static void free(ByteBuffer direct) {
        try {
            INVOKE_CLEANER.invokeExact(direct);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("could not free a direct buffer", e);
        }
    }

    private static MethodHandle lookup() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            return MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class)).bindTo(theUnsafe.get(null));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
