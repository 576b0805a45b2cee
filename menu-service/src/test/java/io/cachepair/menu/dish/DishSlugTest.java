package io.cachepair.menu.dish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DishSlugTest {

  @Test
  void of_lowercasesAndJoinsWordsWithSingleHyphens() {
    assertThat(DishSlug.of("Spicy Tuna Roll")).isEqualTo("spicy-tuna-roll");
    assertThat(DishSlug.of("  Fish & Chips!! (large) ")).isEqualTo("fish-chips-large");
  }

  @Test
  void of_dropsAccents() {
    assertThat(DishSlug.of("Crème Brûlée")).isEqualTo("creme-brulee");
    assertThat(DishSlug.of("Jalapeño Poppers")).isEqualTo("jalapeno-poppers");
  }

  @Test
  void of_nameWithoutLettersOrDigits_isEmpty() {
    assertThat(DishSlug.of("!!! ???")).isEmpty();
    assertThat(DishSlug.of("寿司")).isEmpty();
  }

  @Test
  void of_longName_isCutToMaxLengthWithoutTrailingHyphen() {
    String slug = DishSlug.of("a".repeat(99) + " bcd");
    assertThat(slug).hasSizeLessThanOrEqualTo(DishSlug.MAX_LENGTH).doesNotEndWith("-");
    assertThat(DishSlug.isValid(slug)).isTrue();
  }

  @Test
  void isValid_acceptsSlugsOnly() {
    assertThat(DishSlug.isValid("spicy-tuna-roll")).isTrue();
    assertThat(DishSlug.isValid("dish-42")).isTrue();
    assertThat(DishSlug.isValid("Spicy-Tuna")).isFalse();
    assertThat(DishSlug.isValid("spicy--tuna")).isFalse();
    assertThat(DishSlug.isValid("-spicy")).isFalse();
    assertThat(DishSlug.isValid("spicy tuna")).isFalse();
    assertThat(DishSlug.isValid("")).isFalse();
    assertThat(DishSlug.isValid(null)).isFalse();
    assertThat(DishSlug.isValid("a".repeat(DishSlug.MAX_LENGTH + 1))).isFalse();
  }
}
