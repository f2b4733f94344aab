// `npm pack` makes a tarball that installs into a fresh project and works there, from CommonJS
// and from ESM (no registry needed: the package has no dependencies).
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { execFileSync } = require('node:child_process')

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: 'pipe' })

test('the packed tarball installs into a fresh project', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idplint-pack-'))
  try {
    const out = run(npm, ['pack', '--json', '--pack-destination', dir], path.join(__dirname, '..'))
    const [info] = JSON.parse(out)
    const files = info.files.map((f) => f.path).sort()
    for (const f of ['index.d.ts', 'index.js', 'index.mjs', 'native.cjs', 'package.json']) {
      assert.ok(files.includes(f), `${f} in ${files}`)
    }
    assert.ok(files.some((f) => f.endsWith('.node')), 'the addon is packed')
    assert.ok(!files.some((f) => f.startsWith('src/') || f.startsWith('test/')), files.join(' '))
    const project = path.join(dir, 'project')
    fs.mkdirSync(project)
    fs.writeFileSync(path.join(project, 'package.json'), '{"name": "fresh", "private": true}')
    run(npm, ['install', '--offline', '--no-audit', '--no-fund', path.join(dir, info.filename)], project)
    const cjs = run(process.execPath, ['-e', `
      const { validate, InvalidPayload } = require('idplint')
      console.log(JSON.stringify(validate('auth0.idp.domain', { domain: 1 }).map((d) => d.rule)))`], project)
    assert.equal(cjs.trim(), '["wrong-type"]')
    fs.writeFileSync(path.join(project, 'main.mjs'), `
      import { check } from 'idplint'
      console.log(check('{"domain": "acme.example.com"}').kind)`)
    assert.equal(run(process.execPath, ['main.mjs'], project).trim(), 'auth0.idp.domain')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
