package io.cachepair.order;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * Takes customers' orders and prices them from this member's local replica of the dishes, so that
 * ordering keeps working whether or not any menu-service is running.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrderServiceApplication {

  /** The clock orders are stamped with; a bean so that tests could pin it. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(String[] args) {
    SpringApplication.run(OrderServiceApplication.class, args);
  }
}
