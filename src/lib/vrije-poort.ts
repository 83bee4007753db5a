import { createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that is free right now (the system picks it): for the embedded PostgreSQL, benches, tests. */
export function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}
