package org.posmaintenance.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SoftwareVersionTest {

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(SoftwareVersion.parse("3.10.0").isOlderThan(SoftwareVersion.parse("3.9.9"))).isFalse();
        assertThat(SoftwareVersion.parse("3.2.1").isOlderThan(SoftwareVersion.parse("3.4.0"))).isTrue();
        assertThat(SoftwareVersion.parse("3.4")).isEqualTo(SoftwareVersion.parse("3.4.0"));
        assertThat(SoftwareVersion.parse("3.4").hashCode()).isEqualTo(SoftwareVersion.parse("3.4.0").hashCode());
        assertThat(SoftwareVersion.parse(" 3.4.1 ").toString()).isEqualTo("3.4.1");
    }

    @Test
    void somethingElseIsNotAVersion() {
        assertThatThrownBy(() -> SoftwareVersion.parse("v3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoftwareVersion.parse("3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SoftwareVersion.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
