package io.cachepair.contract.dish;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import com.tangosol.util.Binary;
import java.io.IOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A dish as every member of the cluster sees it: the cached contract between the menu and order
 * teams.
 *
 * <p>Serialized by hand as an evolvable POF type so that fields added by a newer member survive a
 * round trip through an older one. Fields are only ever appended: their POF indexes below are part
 * of the contract. A deleted dish stays in the partitioned cache as a versioned tombstone so that
 * no replica and no returning menu can bring it back.
 */
public final class Dish extends AbstractEvolvable implements EvolvablePortableObject {

  /** POF implementation version of this class; bump it whenever a field is appended. */
  public static final int IMPL_VERSION = 1;

  /** POF index of {@link #id()}. */
  public static final int ID = 0;

  /** POF index of {@link #name()}. */
  public static final int NAME = 1;

  /** POF index of {@link #description()}. */
  public static final int DESCRIPTION = 2;

  /** POF index of {@link #category()}. */
  public static final int CATEGORY = 3;

  /** POF index of {@link #priceCents()}. */
  public static final int PRICE_CENTS = 4;

  /** POF index of {@link #currency()}. */
  public static final int CURRENCY = 5;

  /** POF index of {@link #available()}. */
  public static final int AVAILABLE = 6;

  /** POF index of {@link #version()}. */
  public static final int VERSION = 7;

  /** POF index of {@link #updatedAt()}, written as epoch milliseconds. */
  public static final int UPDATED_AT = 8;

  /** POF index of {@link #origin()}. */
  public static final int ORIGIN = 9;

  /** POF index of {@link #deleted()}. */
  public static final int DELETED = 10;

  private String id;
  private String name;
  private String description;
  private String category;
  private long priceCents;
  private String currency;
  private boolean available;
  private long version;
  private Instant updatedAt;
  private String origin;
  private boolean deleted;

  /** For POF deserialization only. */
  public Dish() {}

  private Dish(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.name = b.name;
    this.description = b.description;
    this.category = b.category;
    this.priceCents = b.priceCents;
    this.currency = b.currency;
    this.available = b.available;
    this.version = b.version;
    this.updatedAt = Objects.requireNonNull(b.updatedAt, "updatedAt");
    this.origin = Objects.requireNonNull(b.origin, "origin");
    this.deleted = b.deleted;
    // Fields a newer member wrote that this version does not know survive every copy.
    setFutureData(b.futureData);
    setDataVersion(b.dataVersion);
  }

  /**
   * Starts a dish with the given id.
   *
   * @param id the dish's slug, unique in the menu
   * @return a builder with no other field set
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Returns a builder holding all of this dish's fields, to derive a changed copy.
   *
   * @return a builder initialised from this dish
   */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.description = description;
    b.category = category;
    b.priceCents = priceCents;
    b.currency = currency;
    b.available = available;
    b.version = version;
    b.updatedAt = updatedAt;
    b.origin = origin;
    b.deleted = deleted;
    b.futureData = getFutureData();
    b.dataVersion = getDataVersion();
    return b;
  }

  /**
   * Returns the tombstone that deletes this dish: the next version, marked deleted.
   *
   * @param at when the delete happened
   * @param by the menu instance that deleted it
   * @return a tombstone newer than this dish
   */
  public Dish tombstone(Instant at, String by) {
    return toBuilder().version(version + 1).updatedAt(at).origin(by).deleted(true).build();
  }

  /** The revision that orders this dish against other writes of the same id. */
  public DishRevision revision() {
    return new DishRevision(version, updatedAt.toEpochMilli(), origin);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public String category() {
    return category;
  }

  public long priceCents() {
    return priceCents;
  }

  public String currency() {
    return currency;
  }

  public boolean available() {
    return available;
  }

  public long version() {
    return version;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String origin() {
    return origin;
  }

  public boolean deleted() {
    return deleted;
  }

  @Override
  public int getImplVersion() {
    return IMPL_VERSION;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    id = in.readString(ID);
    name = in.readString(NAME);
    description = in.readString(DESCRIPTION);
    category = in.readString(CATEGORY);
    priceCents = in.readLong(PRICE_CENTS);
    currency = in.readString(CURRENCY);
    available = in.readBoolean(AVAILABLE);
    version = in.readLong(VERSION);
    updatedAt = Instant.ofEpochMilli(in.readLong(UPDATED_AT));
    origin = in.readString(ORIGIN);
    deleted = in.readBoolean(DELETED);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeString(ID, id);
    out.writeString(NAME, name);
    out.writeString(DESCRIPTION, description);
    out.writeString(CATEGORY, category);
    out.writeLong(PRICE_CENTS, priceCents);
    out.writeString(CURRENCY, currency);
    out.writeBoolean(AVAILABLE, available);
    out.writeLong(VERSION, version);
    out.writeLong(UPDATED_AT, updatedAt.toEpochMilli());
    out.writeString(ORIGIN, origin);
    out.writeBoolean(DELETED, deleted);
  }

  /**
   * Equal when every contract field this version knows is equal; unknown future data does not take
   * part.
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Dish d)) {
      return false;
    }
    return priceCents == d.priceCents
        && available == d.available
        && version == d.version
        && deleted == d.deleted
        && id.equals(d.id)
        && Objects.equals(name, d.name)
        && Objects.equals(description, d.description)
        && Objects.equals(category, d.category)
        && Objects.equals(currency, d.currency)
        && updatedAt.equals(d.updatedAt)
        && origin.equals(d.origin);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, updatedAt, origin);
  }

  @Override
  public String toString() {
    return "Dish{id="
        + id
        + ", version="
        + version
        + (deleted ? ", deleted" : ", name=" + name + ", priceCents=" + priceCents + " " + currency)
        + ", origin="
        + origin
        + "}";
  }

  /** Builds a {@link Dish}; the only way to make one outside deserialization. */
  public static final class Builder {
    private final String id;
    private String name;
    private String description;
    private String category;
    private long priceCents;
    private String currency;
    private boolean available = true;
    private long version = 1;
    private Instant updatedAt;
    private String origin;
    private boolean deleted;
    private Binary futureData;
    private int dataVersion = IMPL_VERSION;

    private Builder(String id) {
      this.id = id;
    }

    public Builder name(String name) {
      this.name = name;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
    }

    public Builder priceCents(long priceCents) {
      this.priceCents = priceCents;
      return this;
    }

    public Builder currency(String currency) {
      this.currency = currency;
      return this;
    }

    public Builder available(boolean available) {
      this.available = available;
      return this;
    }

    public Builder version(long version) {
      this.version = version;
      return this;
    }

    /** Sets the update time, truncated to the millisecond precision the wire format keeps. */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = Instant.ofEpochMilli(updatedAt.toEpochMilli());
      return this;
    }

    public Builder origin(String origin) {
      this.origin = origin;
      return this;
    }

    public Builder deleted(boolean deleted) {
      this.deleted = deleted;
      return this;
    }

    public Dish build() {
      return new Dish(this);
    }
  }
}
