package io.studybot.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay in front of PostgreSQL that can play an outage: every open connection is cut and new
 * ones are refused until it ends, as when the database server stops and starts again.
 */
final class DatabaseOutageProxy implements AutoCloseable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  DatabaseOutageProxy(String host, int port) throws IOException {
    this.target = new InetSocketAddress(host, port);
    this.server = new ServerSocket(0);
    Thread accepting = new Thread(this::accept, "outage-proxy");
    accepting.setDaemon(true);
    accepting.start();
  }

  int port() {
    return server.getLocalPort();
  }

  void goDown() {
    down = true;
    open.forEach(DatabaseOutageProxy::closeQuietly);
    open.clear();
  }

  void comeBack() {
    down = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (down) {
          client.close();
          continue;
        }
        Socket database = new Socket(target.getHostString(), target.getPort());
        open.add(client);
        open.add(database);
        relay(client, database);
        relay(database, client);
      } catch (IOException e) {
        // closed, or the database refused: the client sees its connection end
      }
    }
  }

  private void relay(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // the other side ended
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "outage-relay");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    goDown();
  }
}
