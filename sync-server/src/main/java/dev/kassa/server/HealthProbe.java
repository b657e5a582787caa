package dev.kassa.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Exits 0 when the URL answers 200. Used by the {@code kassa} launcher to wait for the server
 * without assuming curl or wget on the machine.
 */
public final class HealthProbe {
  private HealthProbe() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: HealthProbe URL");
      System.exit(2);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      HttpResponse<Void> response = client.send(
          HttpRequest.newBuilder(URI.create(args[0])).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      System.exit(response.statusCode() == 200 ? 0 : 1);
    } catch (java.io.IOException e) {
      System.exit(1);
    }
  }
}
