package io.leakdrill.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParentPipeTest {

    private static ParentPipe pipe(String text) {
        return new ParentPipe(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void blocksArriveInOrderAndValuesKeepTheirEqualsSigns() throws Exception {
        ParentPipe pipe = pipe("session-cache=original\nreport-cache=expiring\n\n"
                + "db-url=jdbc:h2:tcp://127.0.0.1:5/mem:crm;LOCK_TIMEOUT=1500\ndb-user=CRM_APP\ndb-password=a=b\n\n");
        assertEquals(Map.of("session-cache", "original", "report-cache", "expiring"), pipe.readBlock());
        assertEquals(Map.of("db-url", "jdbc:h2:tcp://127.0.0.1:5/mem:crm;LOCK_TIMEOUT=1500", "db-user", "CRM_APP",
                "db-password", "a=b"), pipe.readBlock());
    }

    @Test
    void aDrillThatDiesBeforeItsLoginEndsTheCrmInsteadOfLeavingItWaiting() throws Exception {
        ParentPipe pipe = pipe("session-cache=original\n\ndb-url=jdbc:h2:tcp://127.0.0.1:5/mem:crm\n");
        pipe.readBlock();
        assertThrows(EOFException.class, pipe::readBlock);
    }
}
