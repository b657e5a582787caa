package dev.kassa.pos;

import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The JavaFX application: the only class outside a {@code ..ui..} package that touches JavaFX. */
public class KassaApp extends Application {
  private static final Logger log = LoggerFactory.getLogger(KassaApp.class);
  private static final AtomicReference<PosOptions> OPTIONS = new AtomicReference<>();

  public static void launch(PosOptions options) {
    OPTIONS.set(options);
    Application.launch(KassaApp.class);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    PosOptions options = OPTIONS.get();
    log.info("Cashier app starting, data dir {}, server {}", options.dataDir(), options.serverUrl());
    stage.setTitle("Kassa");
    stage.setScene(new Scene(new StackPane(new Label("Kassa")), 1024, 700));
    stage.show();
  }
}
