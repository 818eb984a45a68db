'use strict';
// Preload for the Microsoft 365 Agents Playground (node -r ./bind-localhost.js cli.js ...).
// The Playground listens on all interfaces and has no host option; a test or a developer machine must not expose
// a mock connector (which accepts unauthenticated bot traffic) to the network. Every TCP listen in this process is
// forced onto the loopback interface. Unix sockets and inherited handles are left alone.
const net = require('net');

const host = process.env.PLAYGROUND_BIND_HOST || '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  return typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value));
}

net.Server.prototype.listen = function listen(...args) {
  const first = args[0];
  if (first !== null && typeof first === 'object' && !Array.isArray(first)) {
    // listen(options[, backlog][, callback]); a handle ({ fd } or a server/socket _handle) or a path is not TCP.
    if (first.path === undefined && first.fd === undefined && first._handle === undefined) {
      args[0] = { ...first, host };
    }
  } else if (first === undefined || typeof first === 'function') {
    // listen() / listen(callback): a random port on all interfaces by default.
    args.unshift({ port: 0, host });
  } else if (isPort(first)) {
    // listen(port[, host][, backlog][, callback]): replace or insert the host.
    if (typeof args[1] === 'string' || args[1] === null || args[1] === undefined && args.length > 1) {
      args[1] = host;
    } else {
      args.splice(1, 0, host);
    }
  }
  return originalListen.apply(this, args);
};
