#!/usr/bin/env python3
"""Fake Bot Connector: logs every call (cards summarized) to stdout. usage: connector.py PORT"""
import json, sys, os, itertools, http.server
sys.path.insert(0, os.path.dirname(__file__))
from cardsum import show_activity
counter = itertools.count(1)
class H(http.server.BaseHTTPRequestHandler):
    def _body(self):
        n = int(self.headers.get('Content-Length') or 0)
        raw = self.rfile.read(n) if n else b''
        try: return json.loads(raw) if raw else None
        except Exception: return raw.decode(errors='replace')
    def _send(self, code, obj):
        data = json.dumps(obj).encode()
        self.send_response(code); self.send_header('Content-Type', 'application/json'); self.send_header('Content-Length', str(len(data))); self.end_headers(); self.wfile.write(data)
    def log_message(self, *a): pass
    def _log(self, body):
        print(f'== {self.command} {self.path}', flush=True)
        if isinstance(body, dict):
            if body.get('type'):
                print(show_activity(body, '   '), flush=True)
            else:
                print('   ' + json.dumps(body, ensure_ascii=False)[:800], flush=True)
    def do_POST(self):
        b = self._body(); self._log(b)
        path = self.path.split('?')[0].rstrip('/')
        if path.endswith('/v3/conversations'):
            users = (b or {}).get('members') or [{}]
            self._send(201, {'id': 'a:1to1-' + str(users[0].get('id', 'x')).replace(':', '-'), 'serviceUrl': None}); return
        self._send(200, {'id': f'msg-{next(counter)}'})
    def do_PUT(self):
        b = self._body(); self._log(b); self._send(200, {'id': self.path.rsplit('/', 1)[-1]})
    def do_DELETE(self):
        self._log(None); self._send(200, {})
    def do_GET(self):
        self._log(None)
        if '/members/' in self.path:
            mid = self.path.rsplit('/', 1)[-1]
            self._send(200, {'id': mid, 'name': 'Member ' + mid[-4:], 'aadObjectId': None}); return
        if self.path.rstrip('/').endswith('/members'):
            self._send(200, []); return
        self._send(404, {'error': {'code': 'NotFound', 'message': 'fake connector'}})
http.server.ThreadingHTTPServer(('127.0.0.1', int(sys.argv[1])), H).serve_forever()
