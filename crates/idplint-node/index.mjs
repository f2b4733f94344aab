// idplint for Node, as an ES module: the same functions and class as the CommonJS entry (one
// copy of each, so `instanceof InvalidPayload` holds whichever way it was imported).
import idplint from './index.js'

export const { validate, check, ensureValid, InvalidPayload, schema, kinds, rules } = idplint
export default idplint
