/**
 * Loopback services for the review-browser attacks: an HTTP server that also
 * completes WebSocket handshakes, and counts every TCP connection it accepts,
 * so a test can say "the service saw nothing" at the lowest level.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface LocalService {
  server: Server;
  origin: string;
  port: number;
  /** TCP connections accepted, of any kind. */
  connections: number;
  /** Paths requested over HTTP. */
  hits: string[];
  /** WebSocket handshakes completed. */
  upgrades: number;
  close(): void;
}

/** Answers a WebSocket handshake (RFC 6455) and keeps the socket open. */
function acceptWebSocket(req: IncomingMessage, socket: Socket): void {
  const accept = createHash('sha1')
    .update(`${String(req.headers['sec-websocket-key'])}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
    .digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  socket.on('error', () => undefined);
}

/** Starts a service on `host` (127.0.0.1, 127.0.0.2 …) at a random port. */
export async function startLocalService(
  host: string,
  handle: (req: IncomingMessage, res: ServerResponse) => void = (_q, r) => r.end('internal'),
): Promise<LocalService> {
  const server = createServer((req, res) => {
    service.hits.push(req.url ?? '');
    handle(req, res);
  });
  const service: LocalService = {
    server,
    origin: '',
    port: 0,
    connections: 0,
    hits: [],
    upgrades: 0,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
  server.on('connection', () => service.connections++);
  server.on('upgrade', (req: IncomingMessage, socket: Socket) => {
    service.upgrades++;
    acceptWebSocket(req, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, host, () => resolve()));
  service.port = (server.address() as AddressInfo).port;
  service.origin = `http://${host}:${service.port}`;
  return service;
}
