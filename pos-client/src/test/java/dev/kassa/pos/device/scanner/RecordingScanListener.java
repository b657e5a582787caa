package dev.kassa.pos.device.scanner;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a scanner reported, for assertions from the test thread. */
final class RecordingScanListener implements ScanListener {
  final List<ScannedCode> codes = new CopyOnWriteArrayList<>();
  final List<ScanRejection> rejections = new CopyOnWriteArrayList<>();
  final List<Boolean> connections = new CopyOnWriteArrayList<>();

  @Override
  public void onScan(ScannedCode code) {
    codes.add(code);
  }

  @Override
  public void onRejected(ScanRejection rejection) {
    rejections.add(rejection);
  }

  @Override
  public void onConnected(boolean connected) {
    connections.add(connected);
  }

  List<String> texts() {
    return codes.stream().map(ScannedCode::text).toList();
  }
}
