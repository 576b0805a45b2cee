-- One menu database shared by every menu replica, and the single source of dish versions.
-- Portable SQL: H2 (the local default) and PostgreSQL (production).

-- Every version of every dish comes from this one sequence: monotonic, never reused (not after a
-- delete and re-create, a purge or a restore; a menu advances it past the cluster's highest version
-- when it starts). Existing rows keep their versions; the sequence is advanced past them on start.
CREATE SEQUENCE dish_version_seq START WITH 1 INCREMENT BY 1;

-- Every committed revision of every dish, tombstones included: content, time, writer.
CREATE TABLE dish_revision (
  dish_id     VARCHAR(100)  NOT NULL,
  version     BIGINT        NOT NULL,
  name        VARCHAR(200),
  description VARCHAR(2000),
  category    VARCHAR(100),
  price_cents BIGINT        NOT NULL,
  currency    VARCHAR(3),
  available   BOOLEAN       NOT NULL,
  deleted     BOOLEAN       NOT NULL,
  updated_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  origin      VARCHAR(100)  NOT NULL,
  writer      VARCHAR(200),
  CONSTRAINT pk_dish_revision PRIMARY KEY (dish_id, version)
);

CREATE INDEX dish_revision_by_time ON dish_revision (updated_at);

INSERT INTO dish_revision
  (dish_id, version, name, description, category, price_cents, currency, available, deleted,
   updated_at, origin, writer)
SELECT id, version, name, description, category, price_cents, currency, available, deleted,
       updated_at, origin, NULL
FROM dish;

-- Who this database is: an identity generated once, which the cluster records when this database
-- seeds it, so that a menu on another database (a typo, a fresh volume, a restored backup) is
-- recognised and refused.
CREATE TABLE menu_database (
  id         INT          NOT NULL PRIMARY KEY,
  identity   VARCHAR(36)  NOT NULL,
  created_at TIMESTAMP(3) WITH TIME ZONE NOT NULL,
  CONSTRAINT menu_database_single_row CHECK (id = 1)
);

-- The origin was one per database; writers are now menu instances, named by configuration.
DROP TABLE menu_instance;

-- Several menus drain one outbox: an entry is claimed for a while by one menu, skipping entries
-- another menu has locked, so no two menus do the same work at once and a menu that dies mid-way
-- leaves its claims to expire.
ALTER TABLE dish_outbox ADD COLUMN claimed_by VARCHAR(100);
ALTER TABLE dish_outbox ADD COLUMN claimed_until TIMESTAMP(3) WITH TIME ZONE;
-- The claim scans in seq order. (An index led by published_at makes H2 2.3's FOR UPDATE SKIP LOCKED
-- return no row at all while another transaction holds some: measured by SharedOutboxIT.)
DROP INDEX dish_outbox_by_published;
CREATE INDEX dish_outbox_pending ON dish_outbox (seq, published_at);
