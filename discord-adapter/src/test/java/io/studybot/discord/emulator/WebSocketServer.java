package io.studybot.discord.emulator;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A small RFC 6455 WebSocket server for the fake gateway: one HTTP upgrade, then text frames (no
 * extensions, so no compression), ping and close. Each connection is read on its own thread.
 */
final class WebSocketServer implements Closeable {
  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  /** What the gateway does with a connection. */
  interface Handler {
    void opened(Connection connection);

    void text(Connection connection, String text);

    void closed(Connection connection);
  }

  private final ServerSocket server;
  private final Handler handler;
  private volatile boolean closing;

  WebSocketServer(Handler handler) throws IOException {
    this.handler = handler;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "fake-gateway-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!closing) {
      try {
        Socket socket = server.accept();
        Thread reader = new Thread(() -> serve(socket), "fake-gateway-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    Connection connection = new Connection(socket);
    try {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      handshake(in, socket.getOutputStream());
      handler.opened(connection);
      readFrames(connection, in);
    } catch (IOException e) {
      // the peer went away, or the test dropped the connection
    } finally {
      connection.dropQuietly();
      handler.closed(connection);
    }
  }

  private static void handshake(InputStream in, OutputStream out) throws IOException {
    String key = null;
    String line = readLine(in);
    if (!line.startsWith("GET ")) {
      throw new IOException("not a WebSocket upgrade: " + line);
    }
    while (!(line = readLine(in)).isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
        key = line.substring(colon + 1).trim();
      }
    }
    if (key == null) {
      out.write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      throw new IOException("upgrade without Sec-WebSocket-Key");
    }
    String response =
        "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key)
            + "\r\n\r\n";
    out.write(response.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b < 0) {
        throw new EOFException();
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  private void readFrames(Connection connection, DataInputStream in) throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    while (true) {
      int first = in.readUnsignedByte();
      int second = in.readUnsignedByte();
      boolean fin = (first & 0x80) != 0;
      int opcode = first & 0x0F;
      long length = second & 0x7F;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      byte[] mask = new byte[4];
      if ((second & 0x80) == 0) {
        connection.close(1002, "client frames must be masked");
        return;
      }
      in.readFully(mask);
      byte[] payload = new byte[Math.toIntExact(length)];
      in.readFully(payload);
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i % 4];
      }
      switch (opcode) {
        case 0x0, 0x1 -> {
          message.write(payload);
          if (fin) {
            handler.text(connection, message.toString(StandardCharsets.UTF_8));
            message.reset();
          }
        }
        case 0x2 -> connection.close(1003, "binary frames are not spoken here");
        case 0x8 -> {
          connection.frame(0x8, payload);
          return;
        }
        case 0x9 -> connection.frame(0xA, payload);
        default -> {
          // pong or reserved: nothing to do
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    closing = true;
    server.close();
  }

  /** One client's connection; frames are written whole, one at a time. */
  static final class Connection {
    private final Socket socket;

    Connection(Socket socket) {
      this.socket = socket;
    }

    void send(String text) throws IOException {
      frame(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with a code, as Discord closes a session it ends. */
    void close(int code, String reason) throws IOException {
      byte[] text = reason.getBytes(StandardCharsets.UTF_8);
      byte[] payload = new byte[text.length + 2];
      payload[0] = (byte) (code >> 8);
      payload[1] = (byte) code;
      System.arraycopy(text, 0, payload, 2, text.length);
      frame(0x8, payload);
    }

    synchronized void frame(int opcode, byte[] payload) throws IOException {
      OutputStream out = socket.getOutputStream();
      out.write(0x80 | opcode);
      if (payload.length < 126) {
        out.write(payload.length);
      } else if (payload.length < 65536) {
        out.write(126);
        out.write(payload.length >> 8);
        out.write(payload.length);
      } else {
        out.write(127);
        long length = payload.length;
        for (int shift = 56; shift >= 0; shift -= 8) {
          out.write((int) (length >> shift));
        }
      }
      out.write(payload);
      out.flush();
    }

    /** Ends the TCP connection without a close frame, as a network failure would. */
    void dropQuietly() {
      try {
        socket.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
