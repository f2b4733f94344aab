// The package from an ES module: named and default imports, the same objects as CommonJS.
import test from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import idplint, { validate, check, ensureValid, InvalidPayload, schema, kinds, rules } from 'idplint'

const require = createRequire(import.meta.url)

test('named and default exports are the CommonJS functions', () => {
  const cjs = require('idplint')
  for (const name of ['validate', 'check', 'ensureValid', 'InvalidPayload', 'schema', 'kinds', 'rules']) {
    assert.equal(typeof idplint[name], 'function', name)
    assert.equal(idplint[name], cjs[name], name)
  }
  assert.equal(InvalidPayload, cjs.InvalidPayload)
  assert.equal(validate, cjs.validate)
})

test('checks run from ESM', () => {
  assert.deepEqual(validate('auth0.idp.domain', { domain: 'acme.example.com' }), [])
  assert.equal(check('{"domain": "acme.example.com"}').kind, 'auth0.idp.domain')
  assert.throws(() => ensureValid('auth0.idp.domain', { domain: 1 }), InvalidPayload)
  assert.equal(schema('auth0.idp.domain').$schema, 'https://json-schema.org/draft/2020-12/schema')
  assert.ok(kinds().length > 0 && rules().length > 0)
})
