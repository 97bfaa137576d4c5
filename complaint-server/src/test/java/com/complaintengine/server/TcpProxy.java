package com.complaintengine.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between the engine and a real server (the broker), which a test can cut — every connection dropped and
 * no new one accepted, as when the broker goes down — and open again on the same port, or silence — connections stay
 * open and accepted, but every byte either way is dropped, as when the network loses the packets.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile boolean silent;

    TcpProxy(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket();
        first.setReuseAddress(true);
        first.bind(new InetSocketAddress("127.0.0.1", 0));
        this.port = first.getLocalPort();
        listen(first);
    }

    int port() {
        return port;
    }

    /** Connections accepted so far: more than one means the client had to connect again. */
    int accepted() {
        return accepted.get();
    }

    /** The broker is gone: open connections are dropped, new ones refused. */
    synchronized void cut() throws IOException {
        ServerSocket current = server;
        server = null;
        if (current != null) {
            current.close();
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    /** From now on nothing gets through, either way, until {@link #cut()} and {@link #reopen()}. */
    void silence() {
        silent = true;
    }

    /** The broker is back, on the same port (and no longer silenced). */
    synchronized void reopen() throws IOException {
        silent = false;
        ServerSocket again = new ServerSocket();
        again.setReuseAddress(true);
        again.bind(new InetSocketAddress("127.0.0.1", port));
        listen(again);
    }

    private void listen(ServerSocket socket) {
        server = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    accepted.incrementAndGet();
                    Socket upstream = new Socket();
                    upstream.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
                    sockets.add(client);
                    sockets.add(upstream);
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException e) {
                    // closed by cut() or close(), or the target refused: the client sees its connection fail
                }
            }
        }, "tcp-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    if (!silent) {
                        out.write(buffer, 0, read);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tcp-proxy-pump");
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
        cut();
    }
}
