package io.cachepair.member.cache;

/** Raised when this member must not take part in the dish service; its message says why. */
public class MemberRefusedException extends RuntimeException {

  /**
   * Creates the refusal.
   *
   * @param message why the member was refused, naming what conflicts with what
   */
  public MemberRefusedException(String message) {
    super(message);
  }
}
