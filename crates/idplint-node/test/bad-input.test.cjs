// Bad text is an `invalid-syntax` finding, never an exception or a crash; no secret in any
// result or error.
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const util = require('node:util')
const { validate, check, ensureValid } = require('..')

/** The single invalid-syntax finding of `text`, checked both ways. */
function syntaxFinding(text, kind = 'auth0.idp.update') {
  const r = check(text, { kind })
  assert.deepEqual(r.diagnostics.map((d) => d.rule), ['invalid-syntax'], JSON.stringify(r))
  assert.equal(r.errors, 1)
  const v = validate(kind, text)
  assert.deepEqual(v, r.diagnostics)
  return r.diagnostics[0]
}

test('a lone surrogate escape, and a lone surrogate in the string itself', () => {
  const escaped = syntaxFinding('{"display_name": "\\ud800"}')
  assert.match(escaped.message, /lone surrogate/)
  const raw = syntaxFinding('{"display_name": "a\ud800b"}')
  assert.match(raw.message, /lone surrogate `\\ud800`/)
  assert.deepEqual([raw.line, raw.column, raw.endLine, raw.endColumn], [1, 20, 1, 21])
  // In an object: the same finding, at the value.
  const [o] = validate('auth0.idp.update', { display_name: 'a\udc00' })
  assert.equal(o.rule, 'invalid-syntax')
  assert.equal(o.pointer, '/display_name')
  assert.match(o.message, /lone surrogate `\\udc00`/)
  // A real U+FFFD is text like any other.
  assert.ok(validate('auth0.idp.update', { display_name: 'a\ufffdb' }).every((d) => d.rule !== 'invalid-syntax'))
})

test('100,000-deep nesting, as text and as an object', () => {
  const d = syntaxFinding('['.repeat(100000) + ']'.repeat(100000))
  assert.match(d.message, /nesting is deeper than 128 levels/)
  const unclosed = syntaxFinding('{"a":'.repeat(100000))
  assert.match(unclosed.message, /deeper/)
  let deep = {}
  for (let i = 0; i < 100000; i++) deep = { a: deep }
  const [o] = validate('auth0.idp.update', deep)
  assert.equal(o.rule, 'invalid-syntax')
  assert.match(o.message, /nesting is deeper than 128 levels/)
  assert.equal(o.pointer, '/a'.repeat(128))
  // Within the limit, objects are read whole.
  let ok = 1
  for (let i = 0; i < 100; i++) ok = [ok]
  assert.ok(validate('auth0.idp.update', { display_name: ok }).every((f) => f.rule !== 'invalid-syntax'))
})

test('numbers out of range, broken text, bad bytes', () => {
  assert.match(syntaxFinding('{"display_name": 1e400}').message, /1e400/)
  for (const text of ['', '   ', '{', '{"a": 1,}', '{"a": 1} // x', 'nul', '\u0000']) {
    syntaxFinding(text)
  }
  const bytes = (b) => check(Buffer.from(b), { kind: 'auth0.idp.update' }).diagnostics.map((d) => d.rule)
  assert.deepEqual(bytes([0x7b, 0xff, 0x7d]), ['invalid-syntax'])
  assert.deepEqual(bytes([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), ['invalid-syntax'])
  // YAML too.
  const yaml = check('a: [\n', { path: 'x.yaml', kind: 'auth0.idp.update' })
  assert.deepEqual(yaml.diagnostics.map((d) => d.rule), ['invalid-syntax'])
  assert.throws(() => check(42), TypeError)
  assert.throws(() => check(new Uint16Array(2)), TypeError)
})

test('a 10 MB string is read whole', () => {
  const long = 'x'.repeat(10 * 1024 * 1024)
  const findings = validate('auth0.idp.update', { display_name: long })
  assert.ok(findings.some((f) => f.rule === 'length-out-of-range'))
})

test('no secret in any result or error', () => {
  const secret = 'Zq8-hunter2-7f3e9c1b5a'
  const body = {
    display_name: 'Acme',
    options: { client_id: 'abc', client_secret: secret, discovery_url: 'http://x.example/{yourDomain}' },
  }
  const text = JSON.stringify(body, null, 2)
  const shown = []
  shown.push(validate('auth0.idp.update', body, { strategy: 'oidc', accessLevel: 'limited' }))
  shown.push(validate('auth0.idp.update', text, { strategy: 'oidc', accessLevel: 'limited' }))
  shown.push(check(text, { strategy: 'oidc', accessLevel: 'readonly' }))
  shown.push(check(text.replace('"abc"', '"abc",'), { strategy: 'oidc' }))
  shown.push(check(text.replace(secret, `${secret}\\q`)))
  shown.push(check(`options:\n  client_secret: ${secret}\n  client_secret: x\n`, { path: 'a.yaml' }))
  const errors = []
  const grab = (f) => {
    try {
      f()
    } catch (e) {
      errors.push(e)
    }
  }
  grab(() => ensureValid('auth0.idp.update', body, { strategy: 'oidc', accessLevel: 'limited' }))
  grab(() => validate('auth0.idp.update', { options: { client_secret: BigInt(1), secret } }))
  grab(() => validate('auth0.idp.update', { options: { client_secret: [secret, NaN] } }))
  grab(() => check(text, { current: { strategy: 'oidc', client_secret: secret, access_level: 'x' } }))
  grab(() => check(text, { current: `{"strategy": "oidc", "client_secret": ${secret}}` }))
  assert.equal(errors.length, 5)
  assert.ok(shown.flat().length >= 6)
  for (const v of [...shown, ...errors]) {
    const all = [JSON.stringify(v), util.inspect(v, { depth: null }), String(v?.stack)]
    for (const s of all) assert.ok(!s.includes('hunter2'), s)
  }
})
