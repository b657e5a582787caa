package dev.kassa.pos;

import atlantafx.base.theme.PrimerLight;
import dev.kassa.pos.sync.SyncState;
import dev.kassa.pos.terminal.TerminalRuntime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: the only class outside a {@code ..ui..} package that touches JavaFX.
 * Until the cashier screens arrive it shows the terminal and its sync state, live.
 */
public class KassaApp extends Application {
  private static final Logger log = LoggerFactory.getLogger(KassaApp.class);
  private static final AtomicReference<PosOptions> OPTIONS = new AtomicReference<>();
  private static final AtomicReference<TerminalRuntime> RUNTIME = new AtomicReference<>();

  public static void launch(PosOptions options, TerminalRuntime runtime) {
    OPTIONS.set(options);
    RUNTIME.set(runtime);
    Application.launch(KassaApp.class);
  }

  @Override
  public void start(Stage stage) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    PosOptions options = OPTIONS.get();
    TerminalRuntime runtime = RUNTIME.get();
    log.info("Cashier app starting, data dir {}, server {}", options.dataDir(), options.serverUrl());
    Label terminal = new Label("Kassa — " + runtime.profile().storeName() + ", " + runtime.profile().terminalId());
    Label sync = new Label(describe(runtime.syncState()));
    runtime.agent().addListener(state -> Platform.runLater(() -> sync.setText(describe(state))));
    VBox root = new VBox(12, terminal, sync);
    root.setPadding(new Insets(24));
    stage.setTitle("Kassa");
    stage.setScene(new Scene(root, 1024, 700));
    stage.show();
  }

  private static String describe(SyncState state) {
    return state.connection() + " · " + state.pendingEvents() + " events waiting · oldest unsynced "
        + state.oldestPendingAge(Instant.now()).toSeconds() + " s · last sync "
        + (state.lastSuccess() == null ? "never" : state.lastSuccess()) + " · conflicts " + state.openConflicts();
  }
}
