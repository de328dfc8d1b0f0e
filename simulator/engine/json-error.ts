/**
 * The offset of the first character JSON.parse rejects, for error messages: Node 20's JSON.parse
 * says what went wrong but not where. A small iterative scanner, run only after a parse failed.
 */
export function jsonErrorOffset(text: string): number {
  const stack: string[] = [];
  let i = 0;
  let state: 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after' = 'value';
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const scalar = (): boolean => {
    if (text[i] === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return true;
      }
    }
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) return false;
    i = NUMBER.lastIndex;
    return true;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '"') {
        i++;
        return true;
      }
      if (ch < ' ') return false;
      if (ch === '\\') {
        const escaped = text[i + 1] ?? '';
        if (
          escaped === 'u'
            ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))
            : !'"\\/bfnrt'.includes(escaped)
        )
          return false;
        i += escaped === 'u' ? 6 : 2;
      } else i++;
    }
    return false;
  };
  for (;;) {
    skipSpace();
    const ch = text[i];
    if (state === 'after') {
      const top = stack.at(-1);
      if (top === undefined) return i === text.length ? -1 : i;
      if (ch === ',') state = top === '{' ? 'key' : 'value';
      else if (ch === (top === '{' ? '}' : ']')) stack.pop();
      else return i;
      i++;
      continue;
    }
    if (state === 'colon') {
      if (ch !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    if ((state === 'value-or-close' && ch === ']') || (state === 'key-or-close' && ch === '}')) {
      stack.pop();
      i++;
      state = 'after';
      continue;
    }
    if (state === 'key' || state === 'key-or-close') {
      if (ch !== '"' || !string()) return i;
      state = 'colon';
      continue;
    }
    if (ch === '{' || ch === '[') {
      stack.push(ch);
      i++;
      state = ch === '{' ? 'key-or-close' : 'value-or-close';
      continue;
    }
    const start = i;
    if (!scalar()) return Math.max(start, i);
    state = 'after';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
