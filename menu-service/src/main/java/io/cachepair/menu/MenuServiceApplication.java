package io.cachepair.menu;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts menu-service: the member of the pair's cluster that owns the dishes. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MenuServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(MenuServiceApplication.class, args);
  }
}
