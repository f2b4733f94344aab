// idplint for Node: the API of the package (CommonJS; `index.mjs` re-exports it for ESM, and
// `index.d.ts` documents it). The checks run in the native addon (`src/`), loaded by the
// generated `native.cjs`; this file only shapes arguments and results.
'use strict'

const native = require('./native.cjs')

const OBJECT_PROTOTYPE = Object.prototype
const FIELDS = 6
const FIELDS_WITH_POSITIONS = 10

/**
 * The addon's flat array of findings as objects: six values each for a payload object, ten
 * (with where it is) for a text.
 */
function findings(flat, width) {
  const out = []
  for (let i = 0; i < flat.length; i += width) {
    const f = {
      code: flat[i],
      rule: flat[i + 1],
      severity: flat[i + 2],
      message: flat[i + 3],
      help: flat[i + 4],
      pointer: flat[i + 5],
    }
    if (width === FIELDS_WITH_POSITIONS) {
      f.line = flat[i + 6]
      f.column = flat[i + 7]
      f.endLine = flat[i + 8]
      f.endColumn = flat[i + 9]
    }
    out.push(f)
  }
  return out
}

function optionalString(options, name) {
  const value = options[name]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    throw new TypeError(`options.${name} must be a string, not ${describe(value)}`)
  }
  return value
}

function describe(value) {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const t = typeof value
  return t === 'object' ? 'an object' : `a ${t}`
}

function requireKind(kind) {
  if (typeof kind !== 'string') throw new TypeError(`kind must be a string, not ${describe(kind)}`)
  return kind
}

function optionsObject(options) {
  if (options === undefined || options === null) return {}
  if (typeof options !== 'object') {
    throw new TypeError(`options must be an object, not ${describe(options)}`)
  }
  return options
}

/**
 * The findings of a payload of `kind`: a plain object, or its JSON text (then with lines and
 * columns).
 */
function validate(kind, payload, options) {
  requireKind(kind)
  const o = optionsObject(options)
  const strategy = optionalString(o, 'strategy')
  const accessLevel = optionalString(o, 'accessLevel')
  if (typeof payload === 'string' || payload instanceof Uint8Array) {
    return findings(native.validateText(kind, payload, strategy, accessLevel), FIELDS_WITH_POSITIONS)
  }
  return findings(
    native.validateValue(kind, payload, strategy, accessLevel, OBJECT_PROTOTYPE),
    FIELDS,
  )
}

/** Check the text of a payload file: the kind (given or detected) and located findings. */
function check(text, options) {
  const o = optionsObject(options)
  const [kind, flat, errors, warnings] = native.check(
    text,
    optionalString(o, 'path'),
    optionalString(o, 'kind'),
    optionalString(o, 'strategy'),
    optionalString(o, 'accessLevel'),
    o.current === null ? undefined : o.current,
    OBJECT_PROTOTYPE,
  )
  return { kind, diagnostics: findings(flat, FIELDS_WITH_POSITIONS), errors, warnings }
}

/** The error `ensureValid` throws: the payload has error-severity findings. */
class InvalidPayload extends Error {
  constructor(kind, errors, warnings) {
    const first = errors[0]
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
    super(`invalid ${kind} payload: ${first.message}${more}`)
    this.name = 'InvalidPayload'
    this.kind = kind
    this.errors = errors
    this.warnings = warnings
  }
}

/** Throw `InvalidPayload` when the payload has an error; otherwise return the payload. */
function ensureValid(kind, payload, options) {
  const all = validate(kind, payload, options)
  if (all.length === 0) return payload
  const errors = all.filter((d) => d.severity === 'error')
  if (errors.length > 0) {
    throw new InvalidPayload(kind, errors, all.filter((d) => d.severity !== 'error'))
  }
  return payload
}

/** The published JSON Schema of a kind, or of one of its per-strategy schemas. */
function schema(kind) {
  return JSON.parse(native.schema(requireKind(kind)))
}

let kindList
/** Every payload kind. */
function kinds() {
  kindList ??= JSON.parse(native.kinds())
  return structuredClone(kindList)
}

let ruleList
/** Every rule. */
function rules() {
  ruleList ??= JSON.parse(native.rules())
  return structuredClone(ruleList)
}

module.exports = { validate, check, ensureValid, InvalidPayload, schema, kinds, rules }
