/**
 * idplint for Node: check identity-provider connection payloads (Auth0 My Organization API,
 * Authing / GenAuth V3 Management API) in process, before they reach the API.
 *
 * The checks are idplint's own (the Rust library, in a native addon): the same rules, messages
 * and JSON Schemas as the `idplint` command line. No finding and no error ever contains the
 * value of a secret field.
 *
 * @packageDocumentation
 */

/**
 * A payload kind id, such as `"auth0.idp.create"` or `"genauth.ext-idp-conn.update"`.
 * {@link kinds} lists them all; an unknown id throws an `Error` that names the nearest one.
 */
export type KindId = string

/** An Auth0 identity provider strategy. */
export type Strategy = 'adfs' | 'google-apps' | 'oidc' | 'okta' | 'pingfederate' | 'samlp' | 'waad'

/** What an organization admin may change on an Auth0 identity provider. */
export type AccessLevel = 'none' | 'readonly' | 'limited' | 'full'

/** How serious a finding is: an `error` fails a check, a `warning` never does. */
export type Severity = 'error' | 'warning'

/**
 * What a payload object may hold: what `JSON.parse` returns. Objects must be plain (an object
 * literal, `JSON.parse`'s, or `Object.create(null)`); numbers must be finite. A property whose
 * value is `undefined` counts as absent, as `JSON.stringify` leaves it out. (The functions take
 * `unknown`, so that an SDK's request types pass as they are; anything else is a `TypeError`.)
 */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined }

/** One finding about a payload. */
export interface Finding {
  /** The rule's stable code, such as `"IDP010"`. */
  code: string
  /** The rule's stable name, such as `"missing-field"` ({@link rules} lists them). */
  rule: string
  /** `error` or `warning`. */
  severity: Severity
  /** What is wrong, without a trailing period; never quotes a secret. */
  message: string
  /** What to do about it, when idplint knows. */
  help: string | null
  /** The JSON Pointer (RFC 6901) of the node it is about; `""` is the whole payload. */
  pointer: string
}

/**
 * A finding in a text, with where it is. Lines and columns start at 1; columns count Unicode
 * code points, as the command line's JSON output does; `endLine`/`endColumn` are just past the
 * end.
 */
export interface Diagnostic extends Finding {
  /** The line where it starts. */
  line: number
  /** The column where it starts. */
  column: number
  /** The line where it ends. */
  endLine: number
  /** The column just past its end. */
  endColumn: number
}

/** The context of an Auth0 update body, which names no strategy. */
export interface ValidateOptions {
  /** The identity provider's strategy: `options` is checked against its shape. */
  strategy?: Strategy
  /** The identity provider's access level: fields it does not allow are errors. */
  accessLevel?: AccessLevel
}

/** How to check a text. */
export interface CheckOptions extends ValidateOptions {
  /**
   * The file name: a name ending in `.yaml` or `.yml` is read as YAML, any other as JSON.
   * Default `payload.json`.
   */
  path?: string
  /** The payload kind; detected from the content when absent. */
  kind?: KindId
  /**
   * The identity provider as last fetched (an `auth0.idp` payload, object or JSON text): its
   * `strategy` and `access_level` are the context, unless `strategy` or `accessLevel` is given.
   */
  current?: unknown
}

/** What {@link check} found in a text. */
export interface CheckResult {
  /** The kind it was checked as, or `null` when it could not be determined. */
  kind: KindId | null
  /** The findings, sorted by position. */
  diagnostics: Diagnostic[]
  /** How many findings are errors. */
  errors: number
  /** How many findings are warnings. */
  warnings: number
}

/** One payload kind. */
export interface KindInfo {
  /** Its id, as `kind` options and the command line's `--kind` take it. */
  id: KindId
  /** The API it belongs to. */
  api: 'auth0' | 'genauth'
  /** One line: what the kind is. */
  summary: string
  /** The ids of its published schemas, its own first (then one per strategy, for some). */
  schemas: string[]
}

/** One rule. */
export interface RuleInfo {
  /** The stable code, such as `"IDP010"`. */
  code: string
  /** The stable kebab-case name, such as `"missing-field"`. */
  name: string
  /** The severity of its findings. */
  severity: Severity
  /** One line: what it finds. */
  summary: string
  /** Its documentation, in Markdown: what it does, why, an example, what to use instead. */
  docs: string
}

/**
 * The findings of a payload of `kind`, sorted by position for text.
 *
 * @param kind - the payload kind, such as `"auth0.idp.create"`.
 * @param payload - a plain object (see {@link JsonValue}), or its JSON text (a string or UTF-8
 *   bytes), which also gives each finding its line and column. Text that is not valid JSON is an
 *   `invalid-syntax` finding, never an exception.
 * @param options - the context of an `auth0.idp.update` body.
 * @throws `Error` for an unknown kind, strategy or access level, naming the nearest valid one.
 * @throws `TypeError` for a payload that JSON cannot represent (a function, `undefined`, `NaN`,
 *   a `Date`, a cycle…); the message says where, never the value.
 */
export function validate(kind: KindId, payload: string | Uint8Array, options?: ValidateOptions): Diagnostic[]
export function validate(kind: KindId, payload: unknown, options?: ValidateOptions): Finding[]

/**
 * Check the text of a payload file as the command line does: its kind (given, or detected from
 * the content) and its findings, with lines and columns. Bad text (not JSON or YAML, not UTF-8,
 * too deep, a lone surrogate, a number out of range) is an `invalid-syntax` finding, never an
 * exception.
 *
 * @param text - the file's text, or its bytes.
 * @throws `Error` for an unknown kind, strategy or access level, or an unusable `current`.
 */
export function check(text: string | Uint8Array, options?: CheckOptions): CheckResult

/**
 * Return the payload when it has no error-severity finding; throw {@link InvalidPayload}
 * otherwise. Warnings do not throw (ask {@link validate} for them).
 *
 * @throws {@link InvalidPayload} when the payload has an error.
 * @throws `Error` and `TypeError` as {@link validate} does.
 */
export function ensureValid<T>(kind: KindId, payload: T, options?: ValidateOptions): T

/** What {@link ensureValid} throws: the payload has error-severity findings. */
export class InvalidPayload extends Error {
  /** `"InvalidPayload"`. */
  name: 'InvalidPayload'
  /** The kind the payload was checked as. */
  kind: KindId
  /** The error-severity findings (at least one). */
  errors: Finding[]
  /** The warnings. */
  warnings: Finding[]
}

/**
 * The published JSON Schema (draft 2020-12) of a kind, or of one of its per-strategy schemas
 * (`"auth0.idp.update.oidc"`): the same as the files under `schemas/` and `idplint schema`.
 *
 * @throws `Error` for an unknown id, naming the nearest one.
 */
export function schema(kind: KindId): Record<string, unknown>

/** Every payload kind. */
export function kinds(): KindInfo[]

/** Every rule, in code order. */
export function rules(): RuleInfo[]
