package io.cachepair.testsupport.http;

import java.util.List;

/**
 * The paging rule both services' list endpoints share ({@code GET /api/dishes}, {@code GET
 * /api/menu}): {@code page} from 0, {@code size} from 1 to 500, whole numbers. One list of what
 * breaks it, for a {@code @ParameterizedTest} with
 * {@code @FieldSource("io.cachepair.testsupport.http.PagingBounds#OUT_OF_BOUNDS")}.
 */
public final class PagingBounds {

  /** Query strings outside the rule, each with the 400 validation detail the API answers. */
  public static final List<String[]> OUT_OF_BOUNDS =
      List.of(
          new String[] {"size=501", "size: must be less than or equal to 500"},
          new String[] {"size=0", "size: must be greater than or equal to 1"},
          new String[] {"page=-1", "page: must be greater than or equal to 0"},
          new String[] {"size=ten", "size: 'ten' is not a whole number"},
          new String[] {"page=1.5", "page: '1.5' is not a whole number"});

  private PagingBounds() {}
}
