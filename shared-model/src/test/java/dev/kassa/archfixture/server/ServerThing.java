package dev.kassa.archfixture.server;

/** Deliberately bad: a server class that reaches into the terminal. */
public class ServerThing {
  public Object terminal() {
    return new dev.kassa.archfixture.pos.TerminalThing();
  }
}
