/**
 * A TCP relay in front of a real PostgreSQL server that can lose the answer to a COMMIT (the
 * server commits, and the connection is cut before its reply reaches the client: a network cut
 * or a server crash at that instant), or go silent (a cable pulled: nothing answers, nothing
 * closes). Nothing is imitated: the client talks to the real server
 * through it, and only the reply bytes are dropped.
 */
import net from 'node:net';

export interface CutProxy {
  port: number;
  /** The next COMMIT goes through; its answer never comes back (the connection is cut). */
  loseNextCommitAnswer(): void;
  /** From now on nothing passes either way and nothing is closed: a cable pulled mid-query. */
  goSilent(): void;
  /**
   * The connections open now go silent for good; new ones pass (a firewall or NAT that lost its
   * state: old connections are dead without a word, the server is still there).
   */
  silenceOpenConnections(): void;
  close(): Promise<void>;
}

export async function startCutProxy(target: { host: string; port: number }): Promise<CutProxy> {
  let armed = false;
  let silent = false;
  const pipes = new Set<{ dead: boolean }>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let cutReply = false;
    const pipe = { dead: false };
    pipes.add(pipe);
    client.on('data', (chunk) => {
      if (silent || pipe.dead) return;
      // A simple-protocol Query message ('Q') whose text is COMMIT.
      if (armed && chunk[0] === 0x51 && chunk.subarray(5).toString('utf8').startsWith('COMMIT')) {
        armed = false;
        cutReply = true;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (silent || pipe.dead) return;
      if (cutReply) {
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    loseNextCommitAnswer: () => {
      armed = true;
    },
    goSilent: () => {
      silent = true;
    },
    silenceOpenConnections: () => {
      for (const pipe of pipes) pipe.dead = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A database URL through a new relay in front of its server. */
export async function throughRelay(
  url: string,
  server: { host: string; port: number },
): Promise<{ proxy: CutProxy; url: string }> {
  const proxy = await startCutProxy(server);
  const via = new URL(url);
  via.port = String(proxy.port);
  return { proxy, url: via.toString() };
}
