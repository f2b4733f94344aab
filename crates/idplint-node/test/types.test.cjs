// index.d.ts types the TypeScript examples of docs/node.md (and the README's), strictly, in a
// project that installs the package as users do (`tsc --noEmit`, NodeNext resolution).
'use strict'

const test = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const pkg = path.join(__dirname, '..')
const root = path.join(pkg, '..', '..')

/** The ```ts blocks of a Markdown file. */
function examples(file) {
  const text = fs.readFileSync(path.join(root, file), 'utf8')
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1])
}

function tsc(sources) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'idplint-ts-'))
  try {
    fs.mkdirSync(path.join(dir, 'node_modules'))
    fs.symlinkSync(pkg, path.join(dir, 'node_modules', 'idplint'), 'dir')
    const files = sources.map((s, i) => {
      const name = `example${i}.${s.module ? 'mts' : 'cts'}`
      fs.writeFileSync(path.join(dir, name), s.code)
      return name
    })
    const config = {
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: false },
      files,
    }
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config))
    const bin = require.resolve('typescript/bin/tsc')
    return spawnSync(process.execPath, [bin, '-p', dir], { encoding: 'utf8' })
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

test('the TypeScript examples of the docs typecheck, as ESM and as CommonJS', () => {
  const code = [...examples('docs/node.md'), ...examples('README.md')]
  assert.ok(code.length >= 2, 'docs/node.md has TypeScript examples')
  const sources = code.flatMap((c) => [{ code: c, module: true }, { code: c, module: false }])
  const r = tsc(sources)
  assert.equal(r.status, 0, r.stdout + r.stderr)
})

test('a misuse does not typecheck', () => {
  const wrong = [
    "import { validate } from 'idplint'\nvalidate('auth0.idp.update', {}, { strategy: 'odic' })\n",
    "import { check } from 'idplint'\nconst n: string = check('{}').errors\n",
    "import { validate } from 'idplint'\nconst l: number = validate('auth0.idp.domain', {})[0].line\n",
  ]
  for (const code of wrong) {
    const r = tsc([{ code, module: true }])
    assert.notEqual(r.status, 0, code)
    assert.match(r.stdout, /error TS/)
  }
})
