package dev.kassa.archfixture.pos;

/** Deliberately bad: a terminal class that reaches into the server. */
public class TerminalThing {
  public Object server() {
    return new dev.kassa.archfixture.server.ServerThing();
  }
}
