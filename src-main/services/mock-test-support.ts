import net from 'node:net';

/**
 * Sends bytes as they are on a fresh loopback connection and returns everything the server wrote
 * before closing (or before `timeoutMs`: then `timedOut`). fetch cannot send malformed requests.
 */
export function rawExchange(port: number, data: string | Buffer, timeoutMs = 3000, host = '127.0.0.1'): Promise<{ text: string; closed: boolean; timedOut: boolean; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean, timedOut: boolean, error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed, timedOut, ...(error ? { error } : {}) });
    };
    const timer = setTimeout(() => finish(false, true), timeoutMs);
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('close', () => finish(true, false));
    socket.on('error', (e: NodeJS.ErrnoException) => finish(true, false, e.code ?? e.message));
    socket.on('connect', () => socket.write(data));
  });
}

/** The status code of the first response in raw HTTP text, or null. */
export function statusOf(text: string): number | null {
  const m = /^HTTP\/1\.1 (\d{3})/.exec(text);
  return m ? Number(m[1]) : null;
}
