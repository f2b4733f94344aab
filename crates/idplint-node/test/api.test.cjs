// The package's API, from CommonJS: results, errors, and bad input.
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const { validate, check, ensureValid, InvalidPayload, kinds } = require('..')

const oidcCreate = () => ({
  name: 'acme-oidc',
  display_name: 'Acme Corp',
  strategy: 'oidc',
  domains: ['acme.example.com'],
  show_as_button: true,
  is_enabled: true,
  options: {
    type: 'back_channel',
    client_id: '0oa4acmeoidc7x2Hq5d7',
    client_secret: '${ACME_OIDC_CLIENT_SECRET}',
    discovery_url: 'https://login.acme.example.com/.well-known/openid-configuration',
  },
})

test('a valid object has no findings', () => {
  assert.deepEqual(validate('auth0.idp.create', oidcCreate()), [])
  assert.deepEqual(validate('auth0.idp.create', JSON.stringify(oidcCreate())), [])
})

test('an object gets findings without positions, its text with them', () => {
  const body = { ...oidcCreate(), is_enabled: 'yes' }
  const [f] = validate('auth0.idp.create', body)
  assert.deepEqual(f, {
    code: 'IDP012',
    rule: 'wrong-type',
    severity: 'error',
    message: f.message,
    help: f.help,
    pointer: '/is_enabled',
  })
  assert.match(f.message, /is_enabled/)
  const text = JSON.stringify(body, null, 2)
  const [d] = validate('auth0.idp.create', text)
  assert.equal(d.rule, 'wrong-type')
  assert.equal(d.message, f.message)
  const line = text.split('\n').findIndex((l) => l.includes('"is_enabled"')) + 1
  assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [line, 17, line, 22])
})

test('check detects the kind and locates every finding', () => {
  const text = '{\n  "display_name": "OIDC IdP",\n  "is_enabled": true\n}\n'
  const r = check(text, { strategy: 'oidc', accessLevel: 'limited' })
  assert.equal(r.kind, 'auth0.idp.update')
  assert.equal(r.errors, 1)
  assert.equal(r.warnings, 0)
  const [d] = r.diagnostics
  assert.equal(d.rule, 'access-level-forbids-field')
  assert.equal(d.pointer, '/display_name')
  assert.deepEqual([d.line, d.column, d.endLine, d.endColumn], [2, 3, 2, 17])
  assert.equal(typeof d.help, 'string')
})

test('check reads YAML when the path says so, and takes the kind given', () => {
  const yaml = 'domain: acme.example.com\n'
  assert.deepEqual(check(yaml, { path: 'd.yaml' }), {
    kind: 'auth0.idp.domain',
    diagnostics: [],
    errors: 0,
    warnings: 0,
  })
  const r = check('domain: "https://acme.example.com"\n', { path: 'd.yml', kind: 'auth0.idp.domain' })
  assert.equal(r.errors, 1)
  assert.equal(r.diagnostics[0].line, 1)
  // Bytes too.
  assert.equal(check(Buffer.from('{"domain": "acme.example.com"}')).kind, 'auth0.idp.domain')
})

test('check takes the context from the current identity provider', () => {
  const current = { id: 'con_0123456789abcdef', strategy: 'oidc', access_level: 'limited', name: 'x' }
  const text = '{"display_name": "Renamed"}'
  for (const c of [current, JSON.stringify(current), Buffer.from(JSON.stringify(current))]) {
    const r = check(text, { current: c })
    assert.deepEqual(r.diagnostics.map((d) => d.rule), ['access-level-forbids-field'])
  }
  // An explicit access level wins over the current one.
  assert.equal(check(text, { current, accessLevel: 'full' }).errors, 0)
  assert.throws(() => check(text, { current: { name: 'x' } }), (e) => {
    assert.ok(!(e instanceof TypeError))
    assert.match(e.message, /`current`.*strategy/)
    return true
  })
})

test('ensureValid returns the payload, or throws InvalidPayload with its errors', () => {
  const body = oidcCreate()
  assert.equal(ensureValid('auth0.idp.create', body), body)
  const bad = { ...body, name: undefined, is_enabled: 'yes' }
  assert.throws(() => ensureValid('auth0.idp.create', bad), (e) => {
    assert.ok(e instanceof InvalidPayload)
    assert.ok(e instanceof Error)
    assert.equal(e.name, 'InvalidPayload')
    assert.equal(e.kind, 'auth0.idp.create')
    assert.deepEqual(e.errors.map((d) => d.rule).sort(), ['missing-field', 'wrong-type'])
    assert.ok(e.errors.every((d) => d.severity === 'error'))
    assert.match(e.message, /^invalid auth0\.idp\.create payload: .+ \(and 1 more\)$/)
    assert.match(e.stack, /InvalidPayload/)
    return true
  })
  // Warnings alone do not throw.
  const warned = { ...body, display_name: ' Acme Corp ' }
  assert.ok(validate('auth0.idp.create', warned).length > 0)
  assert.equal(ensureValid('auth0.idp.create', warned), warned)
})

test('an unknown kind, strategy or access level names the nearest valid one', () => {
  const cases = [
    [() => validate('auth0.idp.craete', {}), /unknown kind `auth0\.idp\.craete`; did you mean `auth0\.idp\.create`\?/],
    [() => validate('auth0.idp.update', {}, { strategy: 'odic' }), /unknown strategy `odic`; did you mean `oidc`\?/],
    [() => validate('auth0.idp.update', {}, { accessLevel: 'limted' }), /unknown access level `limted`; did you mean `limited`\?/],
    [() => check('{}', { kind: 'genauth.ext-idp-con' }), /did you mean `genauth\.ext-idp-conn`\?/],
    [() => ensureValid('zzz', {}), /unknown kind `zzz`; did you mean `[a-z0-9.-]+`\?/],
  ]
  for (const [call, message] of cases) {
    assert.throws(call, (e) => {
      assert.equal(e.constructor, Error)
      assert.match(e.message, message)
      return true
    })
  }
  assert.throws(() => validate(42, {}), TypeError)
  assert.throws(() => validate('auth0.idp.update', {}, { strategy: 7 }), TypeError)
})

test('a payload that is not JSON-compatible is a TypeError that says where', () => {
  class Body {
    constructor() {
      this.name = 'x'
    }
  }
  const cyclic = { options: {} }
  cyclic.options.self = cyclic
  const cases = [
    [undefined, /^the payload is undefined/],
    [() => 1, /^the payload is a function/],
    [{ options: { client_secret: () => 'hunter2-secret' } }, /^`\/options\/client_secret` is a function/],
    [{ domains: [undefined] }, /^`\/domains\/0` is undefined/],
    [{ n: NaN }, /^`\/n` is NaN/],
    [{ n: Infinity }, /^`\/n` is an infinite number/],
    [{ n: 10n }, /^`\/n` is a BigInt/],
    [{ s: Symbol('x') }, /^`\/s` is a symbol/],
    [{ d: new Date(0) }, /^`\/d` is not a plain object/],
    [{ m: new Map() }, /^`\/m` is not a plain object/],
    [new Body(), /^the payload is not a plain object/],
    [cyclic, /^`\/options\/self(\/options\/self)*` refers to an object that contains it/],
  ]
  for (const [payload, message] of cases) {
    assert.throws(() => validate('auth0.idp.create', payload), (e) => {
      assert.ok(e instanceof TypeError, `${message}: ${e}`)
      assert.match(e.message, message)
      assert.doesNotMatch(e.message, /hunter2/)
      return true
    })
  }
  // A property set to `undefined` is absent, as JSON.stringify leaves it out; so is a symbol key.
  assert.deepEqual(validate('auth0.idp.create', { ...oidcCreate(), logo_url: undefined, [Symbol('k')]: 1 }), [])
  assert.deepEqual(validate('auth0.idp.create', Object.assign(Object.create(null), oidcCreate())), [])
})

test('kinds() lists every kind once, with its schemas', () => {
  const list = kinds()
  const ids = list.map((k) => k.id)
  assert.equal(new Set(ids).size, ids.length)
  for (const k of list) {
    assert.ok(['auth0', 'genauth'].includes(k.api))
    assert.equal(k.schemas[0], k.id)
    assert.equal(typeof k.summary, 'string')
  }
  // A copy each time: changing it changes nothing.
  list[0].id = 'changed'
  assert.equal(kinds()[0].id, ids[0])
})
