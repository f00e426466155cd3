package io.csms.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A name a charger or an admin gives a file is kept as a harmless last path element. */
class FileNamesTest {

    @Test
    void only_the_last_path_element_of_printable_characters_is_kept() {
        assertEquals("diag.zip", FileTransfers.fileName("diag.zip"));
        assertEquals("passwd", FileTransfers.fileName("../../etc/passwd"));
        assertEquals("fw.bin", FileTransfers.fileName("C:\\\\firmware\\\\fw.bin"));
        assertEquals("a_b_c.log", FileTransfers.fileName("a b\"c.log"));
        assertEquals("x__y", FileTransfers.fileName("x\r\ny"));
    }

    @Test
    void a_name_of_nothing_is_none() {
        assertNull(FileTransfers.fileName(null));
        assertNull(FileTransfers.fileName("/"));
        assertNull(FileTransfers.fileName(".."));
        assertNull(FileTransfers.fileName("dir/"));
    }

    @Test
    void a_long_name_keeps_its_end() {
        String name = "a".repeat(300) + ".tar.gz";
        assertEquals(200, FileTransfers.fileName(name).length());
        assertEquals(true, FileTransfers.fileName(name).endsWith(".tar.gz"));
    }

    @Test
    void the_digest_is_lower_case_hex_sha256() {
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                io.csms.platform.RandomTokens.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
