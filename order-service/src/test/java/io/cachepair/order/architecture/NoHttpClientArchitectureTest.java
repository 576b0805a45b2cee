package io.cachepair.order.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.cachepair.archfixture.CallsMenuWithRestClient;
import io.cachepair.archfixture.OpensAUrlConnection;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import org.junit.jupiter.api.Test;

/**
 * order-service prices orders from its local replica: no class of it may be able to call another
 * service over HTTP, menu-service least of all.
 */
class NoHttpClientArchitectureTest {

  private static final DescribedPredicate<JavaClass> HTTP_CLIENTS =
      resideInAnyPackage(
              "org.springframework.web.client..",
              "org.springframework.web.reactive.function.client..",
              "org.springframework.web.service.invoker..",
              "org.springframework.boot.web.client..",
              "org.springframework.cloud.openfeign..",
              "java.net.http..",
              "org.apache.http..",
              "org.apache.hc.client5..",
              "okhttp3..",
              "feign..",
              "retrofit2..",
              "jakarta.ws.rs.client..",
              "org.eclipse.jetty.client..",
              "reactor.netty.http.client..")
          .or(assignableTo(URLConnection.class))
          .as("an HTTP client");

  static ArchRule noHttpClientIn(String packages) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .should()
        .dependOnClassesThat(HTTP_CLIENTS)
        .orShould()
        .callMethod(URL.class, "openConnection")
        .orShould()
        .callMethod(URL.class, "openConnection", Proxy.class)
        .orShould()
        .callMethod(URL.class, "openStream")
        .because("order-service never leaves its JVM for dish data (DESIGN §3.7)");
  }

  @Test
  void orderService_dependsOnNoHttpClient() {
    JavaClasses production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cachepair.order");

    noHttpClientIn("io.cachepair.order..").check(production);
  }

  @Test
  void rule_catchesARestClient() {
    JavaClasses offender = new ClassFileImporter().importClasses(CallsMenuWithRestClient.class);

    assertThatThrownBy(() -> noHttpClientIn("io.cachepair.archfixture..").check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("RestClient");
  }

  @Test
  void rule_catchesUrlOpenConnection() {
    JavaClasses offender = new ClassFileImporter().importClasses(OpensAUrlConnection.class);

    assertThatThrownBy(() -> noHttpClientIn("io.cachepair.archfixture..").check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("openConnection");
  }
}
