package io.cachepair.order.ordering;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /api/orders}: place (201 + Location; a replay of an Idempotency-Key answers 200 with the
 * first order and {@code Idempotent-Replayed: true}), read, list by customer, cancel (idempotent).
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  /** Set on a response that replays the order an earlier request with the same key placed. */
  static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @PostMapping
  ResponseEntity<Order> place(
      @Valid @RequestBody PlaceOrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    Placement placement = orders.place(request, idempotencyKey);
    var location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(placement.order().id())
            .toUri();
    return ResponseEntity.status(placement.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .location(location)
        .header(REPLAYED_HEADER, String.valueOf(!placement.created()))
        .body(placement.order());
  }

  @GetMapping("/{id}")
  Order get(@PathVariable String id) {
    return orders.get(id);
  }

  @GetMapping
  CustomerOrders byCustomer(@RequestParam @NotBlank String customerId) {
    return new CustomerOrders(customerId, orders.byCustomer(customerId));
  }

  @PostMapping("/{id}/cancel")
  Order cancel(@PathVariable String id) {
    return orders.cancel(id);
  }

  /** A customer's orders, newest first; a wrapper so paging can be added without breaking it. */
  record CustomerOrders(String customerId, List<Order> orders) {}
}
