// What every browser test needs: the built site served on an ephemeral loopback port and Debian's
// Chromium started headless with the flags this closed network needs.
import { once } from 'node:events';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Serves `site` and launches Chromium; returns {server, origin, browser, close}. */
export async function serveAndLaunch(site, executablePath) {
  const server = startServer({ dir: site, port: 0 });
  await once(server, 'listening');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const close = async () => {
    await browser.close();
    server.closeAllConnections();
    server.close();
  };
  return { server, origin, browser, close };
}
