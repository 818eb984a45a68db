#!/usr/bin/env python3
"""Send one activity to the local bot with deliveryMode expectReplies and print the replies.
usage: say.py [--port 3978] [--conv a:1] [--user u1] [--aad GUID] [--name 'Ana Silva'] [--locale pt-PT]
              [--tz Europe/Lisbon] [--group] [--value JSON] [--invoke NAME] [--type message] [--raw] text...
Card submits: --value '{"action":"..."}' (message with value). Action.Execute: --invoke adaptiveCard/action --value '{"action":{"type":"Action.Execute","verb":"...","data":{...}}}'
Install: --type installationUpdate (action add) / conversationUpdate (members added)."""
import argparse, json, sys, urllib.request, uuid, datetime, os
sys.path.insert(0, os.path.dirname(__file__))
from cardsum import show_activity
p = argparse.ArgumentParser()
p.add_argument('--port', default=os.environ.get('BOTPORT', '3978'))
p.add_argument('--conv', default=None)
p.add_argument('--user', default='u1')
p.add_argument('--aad', default=None)
p.add_argument('--name', default='Test User')
p.add_argument('--locale', default=os.environ.get('LOC', 'en-US'))
p.add_argument('--tz', default='Europe/Lisbon')
p.add_argument('--group', action='store_true')
p.add_argument('--value', default=None)
p.add_argument('--invoke', default=None)
p.add_argument('--type', default=None)
p.add_argument('--raw', action='store_true')
p.add_argument('--service-url', default=os.environ.get('SERVICE_URL', 'http://127.0.0.1:39999/'), help='the fake connector (start.sh CONNECTORPORT)')
p.add_argument('text', nargs='*')
a = p.parse_args()
aad = a.aad or str(uuid.uuid5(uuid.NAMESPACE_DNS, a.user))
conv = a.conv or ('a:personal-' + a.user)
typ = a.type or ('invoke' if a.invoke else 'message')
now = datetime.datetime.now(datetime.timezone.utc)
act = {
  'type': typ, 'id': 'act-' + uuid.uuid4().hex[:12], 'channelId': 'msteams', 'serviceUrl': a.service_url,
  'timestamp': now.isoformat().replace('+00:00', 'Z'), 'localTimestamp': now.astimezone().isoformat(), 'localTimezone': a.tz,
  'locale': a.locale,
  'from': {'id': '29:' + a.user, 'name': a.name, 'aadObjectId': aad},
  'recipient': {'id': '28:bot', 'name': 'HiTechTex'},
  'conversation': {'id': conv, 'conversationType': 'groupChat' if a.group else 'personal', 'tenantId': 'tenant-1', **({'isGroup': True} if a.group else {})},
  'channelData': {'tenant': {'id': 'tenant-1'}},
  'deliveryMode': 'expectReplies',
}
text = ' '.join(a.text)
if a.group and text:
    text = '<at>HiTechTex</at> ' + text
    act['entities'] = [{'type': 'mention', 'text': '<at>HiTechTex</at>', 'mentioned': {'id': '28:bot', 'name': 'HiTechTex'}}]
if typ == 'message':
    act['text'] = text; act['textFormat'] = 'plain'
if a.value:
    act['value'] = json.loads(a.value)
if a.invoke:
    act['name'] = a.invoke
if typ == 'installationUpdate':
    act['action'] = 'add'
if typ == 'conversationUpdate':
    act['membersAdded'] = [{'id': '28:bot'}, {'id': '29:' + a.user}]
req = urllib.request.Request(f'http://127.0.0.1:{a.port}/api/messages', data=json.dumps(act).encode(), headers={'Content-Type': 'application/json'})
try:
    with urllib.request.urlopen(req, timeout=60) as r:
        status = r.status; body = r.read().decode()
except urllib.error.HTTPError as e:
    status = e.code; body = e.read().decode()
print(f'HTTP {status}')
if not body:
    sys.exit(0)
try:
    doc = json.loads(body)
except Exception:
    print(body); sys.exit(0)
if a.raw:
    print(json.dumps(doc, indent=1, ensure_ascii=False)); sys.exit(0)
if isinstance(doc, dict) and 'activities' in doc:
    for x in doc['activities']:
        print(show_activity(x))
    if doc.get('body') is not None:
        print('invoke body:', json.dumps(doc.get('body'), ensure_ascii=False)[:3000])
else:
    print(json.dumps(doc, ensure_ascii=False)[:3000])
