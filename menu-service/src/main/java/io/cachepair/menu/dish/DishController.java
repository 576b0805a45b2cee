package io.cachepair.menu.dish;

import io.cachepair.contract.dish.Dish;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The menu's dish API under {@code /api/dishes}; reads come from the menu database. */
@RestController
@RequestMapping("/api/dishes")
class DishController {

  private final DishService service;
  private final DishRepository dishes;

  DishController(DishService service, DishRepository dishes) {
    this.service = service;
    this.dishes = dishes;
  }

  @GetMapping
  DishPage list(
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
    long total = dishes.countLive();
    List<DishResponse> content =
        dishes.livePage(page, size).stream().map(DishResponse::of).toList();
    return new DishPage(content, page, size, total, (total + size - 1) / size);
  }

  @GetMapping("/{id}")
  ResponseEntity<DishResponse> get(@PathVariable String id) {
    return ok(HttpStatus.OK, service.get(id));
  }

  @PostMapping
  ResponseEntity<DishResponse> create(@Valid @RequestBody DishRequest request) {
    Dish dish = service.create(request);
    return ResponseEntity.created(URI.create("/api/dishes/" + dish.id()))
        .eTag(DishResponse.etag(dish))
        .body(DishResponse.of(dish));
  }

  @PostMapping("/batch")
  BatchImportResult importAll(@RequestBody List<DishRequest> requests) {
    return service.importAll(requests);
  }

  @PutMapping("/{id}")
  ResponseEntity<DishResponse> update(
      @PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody DishRequest request) {
    return ok(HttpStatus.OK, service.update(id, request, ifMatch));
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    // the tombstone's version: what a client compares with the versions it saw before
    return ResponseEntity.noContent().eTag(DishResponse.etag(service.delete(id, ifMatch))).build();
  }

  private static ResponseEntity<DishResponse> ok(HttpStatus status, Dish dish) {
    return ResponseEntity.status(status).eTag(DishResponse.etag(dish)).body(DishResponse.of(dish));
  }
}
