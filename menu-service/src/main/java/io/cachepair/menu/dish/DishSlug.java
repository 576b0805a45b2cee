package io.cachepair.menu.dish;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Dish ids: lowercase ASCII words joined by single hyphens ({@code spicy-tuna-roll}), derived from
 * the name when a client gives none, so that ids are readable, stable and safe in a URL path.
 */
public final class DishSlug {

  /** The longest id accepted. */
  public static final int MAX_LENGTH = 100;

  /** What a valid id looks like. */
  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";

  private static final Pattern VALID = Pattern.compile(PATTERN);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

  private DishSlug() {}

  /**
   * Derives the id of a dish from its name: accents dropped, lowercased, every run of other
   * characters turned into one hyphen, trimmed to {@link #MAX_LENGTH}.
   *
   * @param name the dish name
   * @return the slug, empty when the name has no ASCII letter or digit
   */
  public static String of(String name) {
    String ascii = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    String slug = SEPARATORS.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX_LENGTH) {
      slug = trimHyphens(slug.substring(0, MAX_LENGTH));
    }
    return slug;
  }

  /**
   * Tells whether a client-given id is a valid slug.
   *
   * @param id the id
   * @return whether it matches {@link #PATTERN} and is at most {@link #MAX_LENGTH} long
   */
  public static boolean isValid(String id) {
    return id != null && id.length() <= MAX_LENGTH && VALID.matcher(id).matches();
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
