// schema(), rules() and the types of index.d.ts against the library and the committed schemas.
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { schema, kinds, rules, validate } = require('..')

const root = path.join(__dirname, '..', '..', '..')

test('schema() is the committed schemas/ file, for kinds and per-strategy schemas', () => {
  const ids = kinds().flatMap((k) => k.schemas)
  assert.ok(ids.includes('auth0.idp.update.oidc'))
  for (const id of ids) {
    const file = JSON.parse(fs.readFileSync(path.join(root, 'schemas', `${id}.json`), 'utf8'))
    assert.deepEqual(schema(id), file, id)
  }
  assert.throws(() => schema('auth0.idp.update.odic'), /did you mean `auth0\.idp\.update\.oidc`\?/)
})

test('rules() lists every rule in code order, with docs', () => {
  const list = rules()
  const codes = list.map((r) => r.code)
  assert.deepEqual(codes, [...codes].sort())
  const syntax = list.find((r) => r.name === 'invalid-syntax')
  assert.equal(syntax.code, 'IDP001')
  assert.equal(syntax.severity, 'error')
  assert.match(syntax.docs, /## What it does/)
  for (const r of list) assert.ok(['error', 'warning'].includes(r.severity))
})

/** The members of a string-literal union type in index.d.ts. */
function union(name) {
  const dts = fs.readFileSync(path.join(__dirname, '..', 'index.d.ts'), 'utf8')
  const m = dts.match(new RegExp(`export type ${name} = ([^\\n]+)`))
  return [...m[1].matchAll(/'([^']+)'/g)].map((x) => x[1]).sort()
}

test('the Strategy and AccessLevel types of index.d.ts are the library\'s', () => {
  // Every member is accepted; a near miss is refused and corrected to one of them.
  for (const s of union('Strategy')) validate('auth0.idp.update', {}, { strategy: s })
  for (const a of union('AccessLevel')) validate('auth0.idp.update', {}, { accessLevel: a })
  const listed = (fn) => {
    try {
      fn()
    } catch (e) {
      return e.message.match(/\(one of (.*)\)$/)[1].split(', ').sort()
    }
    assert.fail('no error')
  }
  assert.deepEqual(listed(() => validate('auth0.idp.update', {}, { strategy: '?' })), union('Strategy'))
  assert.deepEqual(listed(() => validate('auth0.idp.update', {}, { accessLevel: '?' })), union('AccessLevel'))
})
