// chibo-server as a real process for the end-to-end tests that sync: built once (or taken
// from $CHIBO_SERVER_BIN), started on a loopback port over a data folder, stopped
// gracefully. Its log goes to test-output/e2e-logs/server-PORT.log.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { OUT, ROOT } from './harness.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let builtServer = null;
/** Builds build/bin/chibo-server once (or takes $CHIBO_SERVER_BIN) and returns its path. */
export function serverBinary() {
  if (process.env.CHIBO_SERVER_BIN) return process.env.CHIBO_SERVER_BIN;
  if (!builtServer) {
    builtServer = join(ROOT, 'build/bin/chibo-server');
    execFileSync('go', ['build', '-buildvcs=false', '-o', builtServer, './backend/cmd/chibo-server'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  }
  return builtServer;
}

/** Whether something accepts connections on 127.0.0.1:port. */
const listening = (port) => new Promise((res) => {
  const sock = net.connect(port, '127.0.0.1');
  sock.once('connect', () => { sock.destroy(); res(true); });
  sock.once('error', () => res(false));
});

/**
 * Starts `chibo-server serve` on 127.0.0.1:port over data, once it answers (/healthz over
 * HTTP; a TCP connection for HTTPS, whose certificate no client here trusts).
 */
export async function startServer(bin, data, port, { tls = null } = {}) {
  mkdirSync(join(OUT, 'e2e-logs'), { recursive: true });
  const logPath = join(OUT, 'e2e-logs', `server-${port}.log`);
  const fd = openSync(logPath, 'a');
  const tlsArgs = tls ? ['--tls-cert', tls.cert, '--tls-key', tls.key] : [];
  const proc = spawn(bin, ['serve', '--addr', `127.0.0.1:${port}`, '--data', data, ...tlsArgs], { cwd: ROOT, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  let exited = null;
  const exit = new Promise((r) => proc.on('exit', (code, signal) => { exited = { code, signal }; r(exited); }));
  const kill = () => { if (!exited) proc.kill('SIGKILL'); };
  process.on('exit', kill);
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (exited) throw new Error(`chibo-server exited: ${JSON.stringify(exited)}\n${readFileSync(logPath, 'utf8').slice(-2000)}`);
    if (Date.now() > deadline) { kill(); throw new Error(`chibo-server did not answer on ${url}`); }
    try {
      if (tls ? await listening(port) : (await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not yet */ }
    await sleep(100);
  }
  return {
    url,
    /** Graceful stop (SIGTERM: in-flight requests finish), SIGKILL after 10 s. */
    async stop() {
      if (!exited) {
        proc.kill('SIGTERM');
        const t = setTimeout(kill, 10_000);
        await exit;
        clearTimeout(t);
      }
      process.off('exit', kill);
      return exited;
    },
  };
}
