// The `WWW-Authenticate` header a registry answers a 401 with: which scheme (Basic for htpasswd registries, Bearer
// with a token service for ghcr.io, Docker Hub, ECR Public, Harbor …) and its parameters (realm, service, scope).
// Hand-written because the npm parsers are either unmaintained (auth-header, 2018) or accept only the parameters of
// RFC 6750 and reject `service`, which every registry sends. The grammar is RFC 9110 §11.6.1: a comma-separated
// list of challenges, each a scheme followed by a token68 or by comma-separated name=value parameters whose value
// is a token or a quoted-string (with \-escapes); commas separate both challenges and parameters.

export interface Challenge {
  /** lower-cased: `basic`, `bearer` */
  scheme: string;
  /** parameter names lower-cased; values unquoted */
  params: Record<string, string>;
  token68?: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+/;
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*/;

class Cursor {
  constructor(
    private readonly text: string,
    public pos = 0,
  ) {}
  get rest(): string {
    return this.text.slice(this.pos);
  }
  get done(): boolean {
    return this.pos >= this.text.length;
  }
  peek(): string {
    return this.text[this.pos] ?? '';
  }
  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }
  /** skips spaces and list separators (empty list elements are allowed by the grammar) */
  skipSeparators(): void {
    while (/[ \t,]/.test(this.peek()) && !this.done) this.pos++;
  }
  match(re: RegExp): string | undefined {
    const m = re.exec(this.rest);
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }
  quoted(): string | undefined {
    if (this.peek() !== '"') return undefined;
    let out = '';
    for (let i = this.pos + 1; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\' && i + 1 < this.text.length) out += this.text[++i];
      else if (c === '"') {
        this.pos = i + 1;
        return out;
      } else out += c;
    }
    return undefined; // unterminated
  }
}

/** `name = value` at the cursor, or undefined (cursor unchanged) when the next item is not a parameter. */
function param(c: Cursor): [string, string] | undefined {
  const start = c.pos;
  const name = c.match(TOKEN);
  if (name) {
    c.skipSpaces();
    if (c.peek() === '=') {
      c.pos++;
      c.skipSpaces();
      const value = c.quoted() ?? c.match(TOKEN);
      if (value !== undefined) return [name.toLowerCase(), value];
    }
  }
  c.pos = start;
  return undefined;
}

/** Every challenge in a `WWW-Authenticate` value, up to the first part that cannot be read (never thrown). */
export function parseChallenges(header: string): Challenge[] {
  const c = new Cursor(header);
  const out: Challenge[] = [];
  for (;;) {
    c.skipSeparators();
    if (c.done) return out;
    const scheme = c.match(TOKEN);
    if (!scheme) {
      c.pos++; // not a token: skip the character and resynchronise
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    c.skipSpaces();
    if (!param(new Cursor(c.rest))) {
      // no parameters: a token68 (`Negotiate abc==`) or nothing (`Basic`)
      const save = c.pos;
      const t68 = c.match(TOKEN68);
      c.skipSpaces();
      if (t68 && (c.done || c.peek() === ',')) challenge.token68 = t68;
      else c.pos = save;
      // anything else after a scheme is unreadable: keep what was read, guess no further
      if (!c.done && c.peek() !== ',') return out;
      continue;
    }
    // parameters until the next challenge (a token not followed by `=`)
    for (;;) {
      const p = param(c);
      if (!p) return out;
      challenge.params[p[0]] = p[1];
      c.skipSpaces();
      if (c.done) return out;
      if (c.peek() !== ',') return out;
      const beforeComma = c.pos;
      c.skipSeparators();
      if (!param(new Cursor(c.rest))) {
        c.pos = beforeComma;
        break;
      }
    }
  }
}

/** The challenge to answer: Bearer when offered (it carries the scope), else Basic, else the first. */
export function preferredChallenge(header: string): Challenge | undefined {
  const all = parseChallenges(header);
  return all.find((ch) => ch.scheme === 'bearer') ?? all.find((ch) => ch.scheme === 'basic') ?? all[0];
}
