import json
def summarize(node, out, depth=0):
    # An element the card hides ("isVisible": false, shown by a ToggleVisibility or never) is printed, marked (hidden).
    if isinstance(node, dict) and node.get('isVisible') is False:
        start = len(out)
        _summarize(node, out, depth)
        out[start:] = [l[:len(l) - len(l.lstrip())] + '(hidden) ' + l.lstrip() for l in out[start:]]
        return
    _summarize(node, out, depth)

def _summarize(node, out, depth=0):
    pad = '  ' * depth
    if isinstance(node, list):
        for n in node: summarize(n, out, depth)
        return
    if not isinstance(node, dict):
        return
    t = node.get('type', '')
    if t == 'TextBlock':
        out.append(f"{pad}[text] {node.get('text')}")
    elif t == 'RichTextBlock':
        out.append(pad + '[rich] ' + ''.join(i.get('text', '') if isinstance(i, dict) else str(i) for i in node.get('inlines', [])))
    elif t == 'FactSet':
        for f in node.get('facts', []):
            out.append(f"{pad}[fact] {f.get('title')}: {f.get('value')}")
    elif t.startswith('Input.'):
        extra = ''
        if 'choices' in node:
            extra = ' choices=' + '|'.join(f"{c.get('title')}={c.get('value')}" for c in node['choices'])
        out.append(f"{pad}[{t} id={node.get('id')} label={node.get('label')!r} value={node.get('value')!r} req={node.get('isRequired')}{extra}]")
    elif t.startswith('Action.'):
        d = node.get('data')
        verb = node.get('verb')
        out.append(f"{pad}[{t} {node.get('title')!r}" + (f" verb={verb}" if verb else '') + f" data={json.dumps(d, ensure_ascii=False)}]")
        if t == 'Action.ShowCard':
            summarize(node.get('card', {}), out, depth + 1)
        return
    elif t == 'Image':
        out.append(f"{pad}[image {node.get('altText')}]")
    for k in ('body', 'items', 'columns', 'actions', 'inlines', 'fallback'):
        v = node.get(k)
        if isinstance(v, (list, dict)) and k != 'inlines':
            summarize(v, out, depth + (1 if k in ('items',) else 0))

def show_activity(a, prefix=''):
    lines = []
    typ = a.get('type')
    head = f"{prefix}<{typ}>"
    if a.get('text'):
        head += ' ' + a['text']
    lines.append(head)
    for e in a.get('entities') or []:
        if e.get('type') == 'mention':
            lines.append(f"   (mention {e.get('text')})")
    sa = a.get('suggestedActions')
    if sa:
        lines.append('   suggested: ' + ' | '.join(x.get('title', '') + '=' + json.dumps(x.get('value'), ensure_ascii=False) for x in sa.get('actions', [])))
    for att in a.get('attachments') or []:
        ct = att.get('contentType')
        lines.append(f"   [attachment {ct}]")
        c = att.get('content')
        if isinstance(c, dict):
            out = []
            if ct == 'application/vnd.microsoft.card.adaptive':
                summarize(c, out, 2)
            else:
                out.append('    ' + json.dumps(c, ensure_ascii=False)[:600])
            lines.extend(out)
    return '\n'.join(lines)
