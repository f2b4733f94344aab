// The Node package against ajv (allErrors, with ajv-formats) and @cfworker/json-schema, all on
// idplint's published schemas, for two ~0.75 KB bodies (Auth0 oidc create, GenAuth connection
// create), valid and with a few errors. Per call (median of rounds), where the time of an
// idplint call goes, and cold start (fresh processes).
//
//   (cd crates/idplint-node && npm ci && npm run build)
//   cd bench/node && npm ci && node bench.mjs [--quick]
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const root = path.join(here, '..', '..')
const pkgDir = path.join(root, 'crates', 'idplint-node')
const require = createRequire(import.meta.url)
const idplint = require(pkgDir)
const native = require(path.join(pkgDir, 'native.cjs'))
const Ajv2020 = require('ajv/dist/2020').default
const addFormats = require('ajv-formats').default
const { Validator } = require('@cfworker/json-schema')
const quick = process.argv.includes('--quick')
const coldOnly = process.argv.includes('--cold')

const domains = ['acme.example.com', 'idp.acme.example.com', 'auth.acme-corp.example.net', 'login.acme.example.com', 'acme-corp.example.net', 'sso.acme.example.org', 'acme.example.io', 'eu.acme.example.com', 'us.acme.example.com', 'apac.acme.example.com']
const auth0Valid = {
  name: 'acme-corporate-oidc-connection',
  display_name: 'Acme Corporation single sign-on (OIDC, back channel)',
  strategy: 'oidc',
  domains,
  show_as_button: true,
  assign_membership_on_login: true,
  is_enabled: true,
  options: {
    type: 'back_channel',
    client_id: '0oa4acmeoidc7x2Hq5d7-corporate-sso-client',
    client_secret: '${ACME_OIDC_CLIENT_SECRET}',
    discovery_url: 'https://login.acme.example.com/oauth2/default/.well-known/openid-configuration',
  },
}
// Three errors: a wrong type, a bad pattern, a missing field.
const auth0Invalid = structuredClone(auth0Valid)
auth0Invalid.is_enabled = 'yes'
auth0Invalid.name = 'acme corporate oidc'
delete auth0Invalid.options.discovery_url

const genauthValid = {
  extIdpId: '6318061be13c0ce6a64093e5',
  type: 'oidc',
  identifier: 'acme-oidc-corporate',
  displayName: 'Acme Corporation single sign-on (OIDC)',
  fields: {
    issuerUrl: 'https://login.acme.example.com/oauth2/default',
    authorizationEdpoint: 'https://login.acme.example.com/oauth2/default/v1/authorize',
    tokenEndPoint: 'https://login.acme.example.com/oauth2/default/v1/token',
    responseType: 'code',
    mode: 'BACK_CHANNEL',
    clientId: '0oa5acme7client-corporate-sso',
    clientSecret: '${ACME_OIDC_CLIENT_SECRET}',
    scopes: 'openid profile email offline_access',
  },
  loginOnly: false,
  logo: 'https://files.acme.example.com/logos/acme-corporation-square-512.png',
}
const genauthInvalid = structuredClone(genauthValid)
genauthInvalid.loginOnly = 'no'
genauthInvalid.logo = 'not a url'
delete genauthInvalid.type

const cases = [
  ['auth0.idp.create', 'valid', auth0Valid],
  ['auth0.idp.create', 'invalid', auth0Invalid],
  ['genauth.ext-idp-conn.create', 'valid', genauthValid],
  ['genauth.ext-idp-conn.create', 'invalid', genauthInvalid],
]

const schemaOf = (kind) => JSON.parse(readFileSync(path.join(root, 'schemas', `${kind}.json`), 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: false })
addFormats(ajv)
const peers = new Map()
for (const kind of new Set(cases.map((c) => c[0]))) {
  peers.set(kind, { ajv: ajv.compile(schemaOf(kind)), cfworker: new Validator(schemaOf(kind), '2020-12', false) })
}

/** Median nanoseconds per call of `f`, over rounds of `n` calls. */
function time(f, n = quick ? 20000 : 100000, rounds = quick ? 5 : 15) {
  for (let i = 0; i < n; i++) f()
  const per = []
  for (let r = 0; r < rounds; r++) {
    const t = process.hrtime.bigint()
    for (let i = 0; i < n; i++) f()
    per.push(Number(process.hrtime.bigint() - t) / n)
  }
  per.sort((a, b) => a - b)
  return per[Math.floor(per.length / 2)]
}

const us = (ns) => (ns / 1000).toFixed(2)
const proto = Object.prototype
const results = { perCall: [], breakdown: [], cold: {} }
if (!coldOnly) {
console.log(`| kind | body | bytes | findings | idplint (object) | idplint (JSON text) | ajv | @cfworker | cfworker / idplint |`)
console.log(`|---|---|---:|---:|---:|---:|---:|---:|---:|`)
for (const [kind, which, body] of cases) {
  const text = JSON.stringify(body)
  const { ajv: av, cfworker: cv } = peers.get(kind)
  const found = idplint.validate(kind, body)
  const agree = (found.some((f) => f.severity === 'error')) === !av(body) && !av(body) === !cv.validate(body).valid
  const row = {
    kind,
    which,
    bytes: text.length,
    findings: found.length,
    agree,
    idplint: time(() => idplint.validate(kind, body)),
    idplintText: time(() => idplint.validate(kind, JSON.stringify(body))),
    ajv: time(() => av(body)),
    cfworker: time(() => cv.validate(body), quick ? 2000 : 10000),
  }
  results.perCall.push(row)
  console.log(`| ${kind} | ${which} | ${row.bytes} | ${row.findings} | ${us(row.idplint)} µs | ${us(row.idplintText)} µs | ${us(row.ajv)} µs | ${us(row.cfworker)} µs | ${(row.cfworker / row.idplint).toFixed(1)}× |`)
  if (!agree) console.log(`  (verdicts differ: idplint ${found.map((f) => f.rule)}, ajv ${!av(body)}, cfworker ${!cv.validate(body).valid})`)
}

console.log('\nWhere an idplint call goes (object path; each line adds one stage):\n')
console.log('| kind | body | cross into Rust | + convert the object | + validate | + build the result (= validate()) | JSON.stringify alone |')
console.log('|---|---|---:|---:|---:|---:|---:|')
for (const [kind, which, body] of cases) {
  const row = {
    kind,
    which,
    cross: time(() => native.benchCross(body)),
    convert: time(() => native.benchConvert(body, proto)),
    validate: time(() => native.benchValidate(kind, body, proto)),
    full: time(() => idplint.validate(kind, body)),
    stringify: time(() => JSON.stringify(body)),
  }
  results.breakdown.push(row)
  console.log(`| ${kind} | ${which} | ${us(row.cross)} µs | ${us(row.convert)} µs | ${us(row.validate)} µs | ${us(row.full)} µs | ${us(row.stringify)} µs |`)
}

}

// Cold: a fresh process each time; what it takes from the first `require` to the first answer.
const coldScripts = {
  idplint: `const t = process.hrtime.bigint(); const i = require(${JSON.stringify(pkgDir)});
    i.validate('auth0.idp.create', ${JSON.stringify(auth0Valid)});
    console.log(Number(process.hrtime.bigint() - t))`,
  ajv: `const t = process.hrtime.bigint(); const A = require('ajv/dist/2020').default; const f = require('ajv-formats').default;
    const a = new A({ allErrors: true, strict: false }); f(a);
    const v = a.compile(require(${JSON.stringify(path.join(root, 'schemas', 'auth0.idp.create.json'))}));
    v(${JSON.stringify(auth0Valid)});
    console.log(Number(process.hrtime.bigint() - t))`,
  cfworker: `const t = process.hrtime.bigint(); const { Validator } = require('@cfworker/json-schema');
    const v = new Validator(require(${JSON.stringify(path.join(root, 'schemas', 'auth0.idp.create.json'))}), '2020-12', false);
    v.validate(${JSON.stringify(auth0Valid)});
    console.log(Number(process.hrtime.bigint() - t))`,
}
const runs = quick ? 5 : 15
console.log(`\nCold: require + first validation of the Auth0 body, fresh process (median of ${runs}):\n`)
for (const [name, script] of Object.entries(coldScripts)) {
  const ms = []
  for (let i = 0; i < runs; i++) {
    ms.push(Number(execFileSync(process.execPath, ['-e', script], { cwd: here, encoding: 'utf8' })) / 1e6)
  }
  ms.sort((a, b) => a - b)
  results.cold[name] = ms[Math.floor(ms.length / 2)]
  console.log(`- ${name}: ${results.cold[name].toFixed(1)} ms`)
}
console.log(`\nnode ${process.version}; JSON: ${JSON.stringify(results)}`)
