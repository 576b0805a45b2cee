package io.cachepair.archfixture;

import java.io.IOException;
import java.net.URI;

/** Reaching menu-service through a bare URL is as forbidden as through a client library. */
public class OpensAUrlConnection {

  Object dish(String id) throws IOException {
    return URI.create("http://localhost:8081/api/dishes/" + id).toURL().openConnection();
  }
}
