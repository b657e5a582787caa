package dev.kassa.pos.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.Test;

/** The simulator's admin client waits out a server shedding load, and gives up at once on a real refusal. */
class AdminClientTest {
  @Test
  void aBusyServerIsAskedAgainAfterItsRetryAfter() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{\"token\":\"t-1\"}"));
      server.enqueue(new MockResponse().setResponseCode(503).setHeader("Retry-After", "1")
          .setBody("{\"status\":503,\"detail\":\"the server is busy; try again shortly\"}"));
      server.enqueue(new MockResponse().setBody("[{\"id\":\"store-7\"}]"));
      AdminClient admin = AdminClient.login(new OkHttpClient(), server.url("/"), "admin", "secret");

      assertThat(admin.firstStore()).isEqualTo("store-7");
      assertThat(server.getRequestCount()).isEqualTo(3);
    }
  }

  @Test
  void aRefusalThatIsNotABusyServerFailsAtOnce() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse().setBody("{\"token\":\"t-1\"}"));
      server.enqueue(new MockResponse().setResponseCode(403).setBody("{\"status\":403}"));
      AdminClient admin = AdminClient.login(new OkHttpClient(), server.url("/"), "admin", "secret");

      assertThatThrownBy(admin::firstStore).isInstanceOf(AdminClient.AdminException.class).hasMessageContaining("403");
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }
}
