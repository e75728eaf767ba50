import type { FromServer, ToServer } from './protocol.js';
export function serveBaseline(_send: (message: FromServer) => void): Promise<(message: ToServer) => Promise<void>> {
  return Promise.reject(new Error('todo'));
}
