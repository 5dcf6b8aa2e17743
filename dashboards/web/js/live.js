import { toonVerbinding } from './kop.js';
import { csrfKoppen } from './sessie.js';

/**
 * A SignalR connection that shows its state in the header and follows again after every
 * (re)connect: groups do not survive a new connection, and Volg sends a fresh snapshot, so the page
 * never shows numbers older than its connection. `bijVerbinding` is called after each (re)connect.
 */
export async function verbind(pad, handlers, bijVerbinding, { opnieuwNaMs = 5000 } = {}) {
  if (!window.signalR) {
    toonVerbinding('verbroken');
    throw new Error('De SignalR-client ontbreekt (/lib/signalr/signalr.min.js).');
  }
  const verbinding = new window.signalR.HubConnectionBuilder()
    // negotiate is a POST with the session cookie: it carries the anti-forgery token like any change
    .withUrl(pad, { headers: csrfKoppen() })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
    .configureLogging(window.signalR.LogLevel.Warning)
    .build();
  for (const [methode, handler] of Object.entries(handlers)) verbinding.on(methode, handler);
  verbinding.onreconnecting(() => toonVerbinding('opnieuw'));
  verbinding.onreconnected(async () => {
    toonVerbinding('verbonden');
    await bijVerbinding(verbinding);
  });
  verbinding.onclose(() => {
    toonVerbinding('verbroken');
    // Automatic reconnect gave up: keep trying, slowly, so a long outage heals by itself.
    setTimeout(() => start().catch(() => {}), opnieuwNaMs);
  });
  async function start() {
    toonVerbinding('verbinden');
    await verbinding.start();
    toonVerbinding('verbonden');
    await bijVerbinding(verbinding);
  }
  try {
    await start();
  } catch (fout) {
    toonVerbinding('verbroken');
    throw fout;
  }
  return verbinding;
}

/**
 * Follows one id at a time over a hub: `Volg` after every (re)connect, `Verlaat` then `Volg` when the
 * user picks another. The connection is made on the first call; a failed first call may be retried.
 */
export function volger(pad, handlers) {
  let verbinding = null;
  let gevolgd = null;
  return async function volg(id) {
    const vorige = gevolgd;
    gevolgd = id;
    if (!verbinding) {
      verbinding = await verbind(pad, handlers, v => v.invoke('Volg', gevolgd));
      return;
    }
    if (vorige && vorige !== id) await verbinding.invoke('Verlaat', vorige);
    await verbinding.invoke('Volg', id);
  };
}
