package io.cachepair.menu.dish;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A dish as a client sends it to create, replace or import it; version, time and origin are the
 * menu's business, never the client's.
 *
 * @param id the dish id (slug); derived from the name when absent
 * @param name the name shown to customers
 * @param description an optional description
 * @param category an optional category (e.g. {@code sushi})
 * @param priceCents the price in the currency's minor unit, zero or more
 * @param currency the ISO 4217 currency code
 * @param available whether it can be ordered; {@code true} when absent
 */
public record DishRequest(
    @Schema(example = "spicy-tuna-roll")
        @Size(max = DishSlug.MAX_LENGTH)
        @Pattern(
            regexp = DishSlug.PATTERN,
            message = "must be lowercase letters and digits in words joined by single hyphens")
        String id,
    @Schema(example = "Spicy Tuna Roll") @NotBlank @Size(max = 200) String name,
    @Size(max = 2000) String description,
    @Schema(example = "sushi") @Size(max = 100) String category,
    @Schema(example = "1250") @NotNull @PositiveOrZero Long priceCents,
    @Schema(example = "EUR") @NotNull @IsoCurrency String currency,
    Boolean available) {

  /** Whether the dish can be ordered; absent means yes. */
  public boolean isAvailable() {
    return available == null || available;
  }
}
