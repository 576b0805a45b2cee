package io.cachepair.contract.dish;

import com.tangosol.io.AbstractEvolvable;
import com.tangosol.io.pof.EvolvablePortableObject;
import com.tangosol.io.pof.PofReader;
import com.tangosol.io.pof.PofWriter;
import java.io.IOException;
import java.time.Instant;

/**
 * Test fixture: the next version of the contract's {@code Dish}, as a newer member would ship it,
 * with one field appended ({@code spiceLevel}, POF index 11). It is compiled apart from the real
 * one and only ever on the classpath of the "v2" member JVM of the evolution round-trip test.
 */
public final class Dish extends AbstractEvolvable implements EvolvablePortableObject {

  public static final int IMPL_VERSION = 2;
  public static final int SPICE_LEVEL = 11;

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
  private int spiceLevel;

  public Dish() {}

  public static Builder builder(String id) {
    Builder b = new Builder();
    b.d.id = id;
    b.d.available = true;
    b.d.version = 1;
    return b;
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.d.copyFrom(this);
    return b;
  }

  private void copyFrom(Dish o) {
    id = o.id;
    name = o.name;
    description = o.description;
    category = o.category;
    priceCents = o.priceCents;
    currency = o.currency;
    available = o.available;
    version = o.version;
    updatedAt = o.updatedAt;
    origin = o.origin;
    deleted = o.deleted;
    spiceLevel = o.spiceLevel;
    setFutureData(o.getFutureData());
    setDataVersion(o.getDataVersion());
  }

  public Dish tombstone(Instant at, String by) {
    return toBuilder().version(version + 1).updatedAt(at).origin(by).deleted(true).build();
  }

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

  public int spiceLevel() {
    return spiceLevel;
  }

  @Override
  public int getImplVersion() {
    return IMPL_VERSION;
  }

  @Override
  public void readExternal(PofReader in) throws IOException {
    id = in.readString(0);
    name = in.readString(1);
    description = in.readString(2);
    category = in.readString(3);
    priceCents = in.readLong(4);
    currency = in.readString(5);
    available = in.readBoolean(6);
    version = in.readLong(7);
    updatedAt = Instant.ofEpochMilli(in.readLong(8));
    origin = in.readString(9);
    deleted = in.readBoolean(10);
    spiceLevel = in.readInt(SPICE_LEVEL);
  }

  @Override
  public void writeExternal(PofWriter out) throws IOException {
    out.writeString(0, id);
    out.writeString(1, name);
    out.writeString(2, description);
    out.writeString(3, category);
    out.writeLong(4, priceCents);
    out.writeString(5, currency);
    out.writeBoolean(6, available);
    out.writeLong(7, version);
    out.writeLong(8, updatedAt.toEpochMilli());
    out.writeString(9, origin);
    out.writeBoolean(10, deleted);
    out.writeInt(SPICE_LEVEL, spiceLevel);
  }

  @Override
  public String toString() {
    return "Dish{id=" + id + ", v" + version + ", priceCents=" + priceCents
        + ", spiceLevel=" + spiceLevel + "}";
  }

  /** Builds the v2 fixture dish. */
  public static final class Builder {
    private final Dish d = new Dish();

    public Builder name(String v) {
      d.name = v;
      return this;
    }

    public Builder description(String v) {
      d.description = v;
      return this;
    }

    public Builder category(String v) {
      d.category = v;
      return this;
    }

    public Builder priceCents(long v) {
      d.priceCents = v;
      return this;
    }

    public Builder currency(String v) {
      d.currency = v;
      return this;
    }

    public Builder available(boolean v) {
      d.available = v;
      return this;
    }

    public Builder version(long v) {
      d.version = v;
      return this;
    }

    public Builder updatedAt(Instant v) {
      d.updatedAt = Instant.ofEpochMilli(v.toEpochMilli());
      return this;
    }

    public Builder origin(String v) {
      d.origin = v;
      return this;
    }

    public Builder deleted(boolean v) {
      d.deleted = v;
      return this;
    }

    public Builder spiceLevel(int v) {
      d.spiceLevel = v;
      return this;
    }

    public Dish build() {
      Dish copy = new Dish();
      copy.copyFrom(d);
      return copy;
    }
  }
}
