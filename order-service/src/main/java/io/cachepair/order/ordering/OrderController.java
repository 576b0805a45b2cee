package io.cachepair.order.ordering;

import io.cachepair.member.security.Caller;
import io.cachepair.member.security.Scopes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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
 * first order and {@code Idempotent-Replayed: true}), read, list, cancel (idempotent) — always as
 * the customer the bearer token names ({@code sub}); {@code orders:admin} may read any customer's.
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
    String customer = subject();
    if (request.customerId() != null && !request.customerId().equals(customer)) {
      throw new CustomerMismatchProblem(request.customerId(), customer, "orders are placed");
    }
    Placement placement = orders.place(request.forCustomer(customer), idempotencyKey);
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

  /** One order: the caller's own, or any with {@code orders:admin}; others are 404s. */
  @GetMapping("/{id}")
  Order get(@PathVariable String id) {
    Order order = orders.get(id);
    if (!order.customerId().equals(subject()) && !Caller.hasScope(Scopes.ORDERS_ADMIN)) {
      throw new OrderNotFoundProblem(id);
    }
    return order;
  }

  /** The caller's orders; with {@code orders:admin}, those of the {@code customerId} asked for. */
  @GetMapping
  CustomerOrders byCustomer(@RequestParam(required = false) @Size(max = 100) String customerId) {
    String customer = subject();
    if (customerId != null && !customerId.equals(customer)) {
      if (!Caller.hasScope(Scopes.ORDERS_ADMIN)) {
        throw new CustomerMismatchProblem(customerId, customer, "orders are listed");
      }
      customer = customerId;
    }
    return new CustomerOrders(customer, orders.byCustomer(customer));
  }

  /** Cancels one of the caller's own orders; anyone else's is a 404. */
  @PostMapping("/{id}/cancel")
  Order cancel(@PathVariable String id) {
    if (!orders.get(id).customerId().equals(subject())) {
      throw new OrderNotFoundProblem(id);
    }
    return orders.cancel(id);
  }

  private static String subject() {
    // the security chain lets no request without a verified subject reach this controller
    return Caller.subject().orElseThrow(() -> new IllegalStateException("no authenticated caller"));
  }

  /** A customer's orders, newest first; a wrapper so paging can be added without breaking it. */
  record CustomerOrders(String customerId, List<Order> orders) {}
}
