package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void a_range_holds_the_addresses_of_its_prefix() {
        AddressRange range = AddressRange.parse("192.0.2.0/24");
        assertTrue(range.contains("192.0.2.1"));
        assertTrue(range.contains("192.0.2.255"));
        assertFalse(range.contains("192.0.3.1"));
        assertTrue(AddressRange.parse("10.0.0.0/9").contains("10.127.255.255"));
        assertFalse(AddressRange.parse("10.0.0.0/9").contains("10.128.0.0"));
        assertTrue(AddressRange.parse("2001:db8::/32").contains("2001:db8:1::7"));
        assertFalse(AddressRange.parse("2001:db8::/32").contains("2001:db9::1"));
        assertTrue(AddressRange.parse("203.0.113.7").contains("203.0.113.7"), "a bare address is one address");
        assertFalse(AddressRange.parse("203.0.113.7").contains("203.0.113.8"));
        assertTrue(AddressRange.parse("127.0.0.0/8").contains("::ffff:127.0.0.1"), "IPv4-mapped IPv6 counts as IPv4");
    }

    @Test
    void names_and_malformed_ranges_are_refused_without_asking_dns() {
        for (String bad : new String[] {"example.org", "10.0.0.0/33", "10.0.0/8", "1.2.3.4/x", "", "256.1.1.1"}) {
            assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
        }
        assertFalse(AddressRange.parse("10.0.0.0/8").contains("localhost"));
    }

    @Test
    void a_list_is_comma_separated_and_may_be_empty() {
        assertEquals(List.of(), AddressRange.parseList(" "));
        assertEquals(2, AddressRange.parseList("10.0.0.0/8, 192.168.0.0/16").size());
    }
}
