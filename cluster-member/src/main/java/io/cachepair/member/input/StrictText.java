package io.cachepair.member.input;

/**
 * Which characters no JSON string of a request may hold: control characters other than tab and line
 * breaks, and the Unicode bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) that
 * make a name display differently from what it is ("Trojan Source").
 */
public final class StrictText {

  private StrictText() {}

  /**
   * Finds the first forbidden character.
   *
   * @param value a string from a request
   * @return its index, or -1 when the string is clean
   */
  public static int firstForbidden(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (forbidden(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  static boolean forbidden(char c) {
    if (c == '\t' || c == '\n' || c == '\r') {
      return false;
    }
    return Character.getType(c) == Character.CONTROL
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c';
  }

  /** How a character is named in an error message. */
  public static String describe(char c) {
    return String.format("U+%04X", (int) c);
  }
}
