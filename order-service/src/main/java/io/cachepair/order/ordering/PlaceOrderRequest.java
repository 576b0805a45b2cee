package io.cachepair.order.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/orders}; bean validation rejects it with a 400 naming the field
 * before any dish is looked up.
 *
 * @param customerId who orders: optional, and when present it must be the token's subject (the
 *     customer is always the token's)
 * @param items one to {@value #MAX_ITEMS} lines
 */
public record PlaceOrderRequest(
    @Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        String customerId,
    @NotEmpty @Size(max = MAX_ITEMS) List<@NotNull @Valid Item> items) {

  /** The same request placed by {@code customer}. */
  PlaceOrderRequest forCustomer(String customer) {
    return new PlaceOrderRequest(customer, items);
  }

  /** The most lines one order may have. */
  public static final int MAX_ITEMS = 100;

  /** The most of one dish one line may order. */
  public static final int MAX_QUANTITY = 100;

  /**
   * One requested line.
   *
   * @param dishId the dish to order
   * @param quantity 1 to {@value PlaceOrderRequest#MAX_QUANTITY}
   * @param expectedUnitPriceCents the price the customer saw; when it differs from the current
   *     price the order is refused with 409 and the current price
   */
  public record Item(
      @NotBlank @Size(max = 200) String dishId,
      @NotNull
          @Min(value = 1, message = "must be at least 1")
          @Max(value = MAX_QUANTITY, message = "must be at most " + MAX_QUANTITY)
          Integer quantity,
      @PositiveOrZero Long expectedUnitPriceCents) {}
}
