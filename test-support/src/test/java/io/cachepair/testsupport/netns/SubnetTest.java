package io.cachepair.testsupport.netns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class SubnetTest {

  @Test
  void addresses_gatewayIsDotOne_hostsAnywhereIn24() {
    Subnet s = new Subnet(123, 45);

    assertThat(s.cidr()).isEqualTo("10.123.45.0/24");
    assertThat(s.gateway()).isEqualTo("10.123.45.1");
    assertThat(s.address(10)).isEqualTo("10.123.45.10");
    assertThatThrownBy(() -> s.address(255)).isInstanceOf(IllegalArgumentException.class);
  }

  @RepeatedTest(20)
  void pickFree_neverTakesASubnetInUse() {
    StringBuilder taken = new StringBuilder("2: eth0    inet 10.0.2.15/24 brd 10.0.2.255\n");
    // everything but 10.200.7.0/24 in the range is taken
    for (int x = 100; x < 250; x++) {
      for (int y = 0; y < 256; y++) {
        if (x != 200 || y != 7) {
          taken.append("10.").append(x).append('.').append(y).append(".0/24 dev br0\n");
        }
      }
    }

    assertThat(Subnet.pickFree(taken.toString())).isEqualTo(new Subnet(200, 7));
  }

  @Test
  void pickFree_range_isTenDotHundredAndUp() {
    for (int i = 0; i < 100; i++) {
      Subnet s = Subnet.pickFree("");
      assertThat(s.x()).isBetween(100, 249);
      assertThat(s.y()).isBetween(0, 255);
    }
  }
}
