// The published schemas in the editors' own engines: vscode-json-languageservice (VS Code's JSON
// support) for JSON payloads, yaml-language-server (the YAML extension's) for YAML ones, each
// configured as docs/schemas.md tells users to (a schema associated with a file by a glob).
//
// - every payload under testdata/valid/ gets no diagnostic;
// - every payload under testdata/invalid/<rule>/ whose rule the published schemas state (the
//   generated list in docs/schemas.md names the others) gets a diagnostic on the line of each of
//   idplint's errors of such a rule (idplint: $IDPLINT, or target/debug/idplint);
// - hover on a sample of fields, on every top-level field of every schema and on every key of
//   each strategy's `options` shows the field's own description;
// - completion inside `options` of an oidc create offers its keys, and at the top level of a
//   request no read-only field.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import * as jsonls from "vscode-json-languageservice";

const require = createRequire(import.meta.url);
// The CommonJS build: the ES module build imports paths without extensions, which Node refuses.
const yamlls = require("yaml-language-server/lib/umd/index.js");
const { TextDocument } = require("vscode-languageserver-textdocument");

const root = fileURLToPath(new URL("../..", import.meta.url));
const idplint = process.env.IDPLINT || join(root, "target", "debug", "idplint");
const schemaIds = readdirSync(join(root, "schemas"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.replace(/\.json$/, ""));
const schemaUri = (id) => pathToFileURL(join(root, "schemas", `${id}.json`)).href;
const published = (id) => JSON.parse(readFileSync(join(root, "schemas", `${id}.json`), "utf8"));
// A payload is opened as file:///payloads/<schema id>/<name>; its schema is found by that glob.
const schemas = schemaIds.map((id) => ({ uri: schemaUri(id), fileMatch: [`/payloads/${id}/*`] }));
const docUri = (id, name) => `file:///payloads/${id}/${encodeURIComponent(name)}`;

const request = async (uri) => readFileSync(fileURLToPath(uri), "utf8");
const workspaceContext = { resolveRelativePath: (rel, base) => new URL(rel, base).href };
const json = jsonls.getLanguageService({ schemaRequestService: request, workspaceContext });
json.configure({ validate: true, allowComments: false, schemas });
const yaml = yamlls.getLanguageService({ schemaRequestService: request, workspaceContext });
yaml.configure({ validate: true, hover: true, completion: true, schemas });

const isYaml = (name) => /\.ya?ml$/.test(name);
// yaml-language-server keeps parsed documents by URI and version: each text gets a version.
let version = 0;
function open(id, name, text) {
  return TextDocument.create(docUri(id, name), isYaml(name) ? "yaml" : "json", ++version, text);
}
async function diagnostics(doc) {
  if (doc.languageId === "yaml") return yaml.doValidation(doc, false);
  return json.doValidation(doc, json.parseJSONDocument(doc));
}
async function hover(doc, position) {
  const h =
    doc.languageId === "yaml"
      ? await yaml.doHover(doc, position)
      : await json.doHover(doc, position, json.parseJSONDocument(doc));
  const contents = h ? [h.contents].flat() : [];
  const text = contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n");
  // Both render plain descriptions as Markdown, with its punctuation escaped.
  return text.replace(/\\([\\`*_{}[\]()<>#+\-.!])/g, "$1");
}
async function completion(doc, position) {
  const list =
    doc.languageId === "yaml"
      ? await yaml.doComplete(doc, position, false)
      : await json.doComplete(doc, position, json.parseJSONDocument(doc));
  return (list?.items ?? []).map((i) => i.label);
}

let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

// The options a test payload's name carries: name@kind=K@strategy=S@access=A.ext.
function optionsOf(file) {
  const options = {};
  for (const m of file.matchAll(/@(kind|strategy|access)=([a-z0-9.-]+?)(?=@|\.(json|ya?ml)$)/g)) {
    options[m[1]] = m[2];
  }
  return options;
}
function schemaFor(kind, options) {
  const id = kind === "auth0.idp.update" && options.strategy ? `${kind}.${options.strategy}` : kind;
  return schemaIds.includes(id) ? id : null;
}
function runIdplint(path, options) {
  const args = ["check", path, "--no-config", "--format", "json"];
  if (options.kind) args.push("--kind", options.kind);
  if (options.strategy) args.push("--strategy", options.strategy);
  if (options.access) args.push("--access-level", options.access);
  const out = spawnSync(idplint, args, { encoding: "utf8" });
  if (out.error || out.status === 2) throw new Error(`idplint ${args.join(" ")}: ${out.error ?? out.stderr}`);
  return JSON.parse(out.stdout).files[0];
}
const textOf = (path) => readFileSync(path, "utf8").replace(/^\uFEFF/, "");

// The rules that are idplint's alone: the list generated from the registry, in the README (or
// in a page under docs/, should it move there).
const markdown = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdown(join(dir, e.name)) : e.name.endsWith(".md") ? [join(dir, e.name)] : [],
  );
const pages = [join(root, "README.md"), ...(existsSync(join(root, "docs")) ? markdown(join(root, "docs")) : [])];
const onlyList = pages
  .map((p) => /<!-- idplint-only:start[^\n]*\n([\s\S]*?)<!-- idplint-only:end -->/.exec(readFileSync(p, "utf8")))
  .find(Boolean);
if (!onlyList) throw new Error("no idplint-only list in the README or docs/");
const idplintOnly = new Set([...onlyList[1].matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));

// 1. Valid payloads: no diagnostic.
let valid = 0;
const validDir = join(root, "testdata", "valid");
for (const kind of readdirSync(validDir).sort()) {
  for (const file of readdirSync(join(validDir, kind)).sort()) {
    const id = schemaFor(kind, optionsOf(file));
    const found = await diagnostics(open(id, file, textOf(join(validDir, kind, file))));
    valid++;
    for (const d of found) fail(`valid/${kind}/${file}:${d.range.start.line + 1}: ${d.message}`);
  }
}
console.log(`editors: ${valid} valid payloads, JSON and YAML`);

// 2. Invalid payloads of the rules the schemas state: a diagnostic on each of idplint's lines.
let invalid = 0;
let lines = 0;
let unkinded = 0;
const invalidDir = join(root, "testdata", "invalid");
for (const rule of readdirSync(invalidDir).sort()) {
  if (idplintOnly.has(rule)) continue;
  for (const file of readdirSync(join(invalidDir, rule)).sort()) {
    const path = join(invalidDir, rule, file);
    const options = optionsOf(file);
    const report = runIdplint(path, options);
    if (report.kind === null) {
      // A payload of no kind (an Authing V2 envelope, say) has no schema to open it with.
      unkinded++;
      continue;
    }
    const id = schemaFor(report.kind, options);
    if (!id) {
      fail(`invalid/${rule}/${file}: no schema for kind ${report.kind}`);
      continue;
    }
    const found = await diagnostics(open(id, file, textOf(path)));
    const editorLines = new Set(found.map((d) => d.range.start.line + 1));
    const expected = report.diagnostics.filter((d) => d.severity === "error" && !idplintOnly.has(d.rule));
    if (expected.length === 0) fail(`invalid/${rule}/${file}: idplint reports no error of a stated rule`);
    for (const d of expected) {
      lines++;
      if (!editorLines.has(d.line)) {
        const seen = found.map((f) => `${f.range.start.line + 1}: ${f.message}`).join("; ");
        fail(`invalid/${rule}/${file}: idplint's ${d.rule} on line ${d.line}, the editor's: ${seen || "none"}`);
      }
    }
    invalid++;
  }
}
console.log(
  `editors: ${invalid} invalid payloads, ${lines} findings on the same line (${unkinded} of no kind skipped)`,
);

// 3. Hover shows the field's own description.
const at = (text, needle, shift = 1) => {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`no ${needle}`);
  const before = text.slice(0, offset + shift).split("\n");
  return { line: before.length - 1, character: before.at(-1).length };
};
const hoverCases = [
  // [schema id, file name, text, the key hovered, JSON Pointer of its description]
  ["auth0.idp.create", "create.json", '{\n  "name": "acme",\n  "strategy": "oidc",\n  "access_level": "full",\n  "id": "con_aaaaaaaaaaaaaaaa",\n  "options": {"type": "front_channel", "client_id": "abc", "discovery_url": "https://acme.example/.well-known/openid-configuration"}\n}\n', '"access_level"', "/patternProperties/^access_level$/description"],
  ["auth0.idp.create", "create.json", '{\n  "name": "acme",\n  "strategy": "oidc",\n  "id": "con_aaaaaaaaaaaaaaaa"\n}\n', '"id"', "/patternProperties/^id$/description"],
  ["auth0.idp.create", "create.yaml", "name: acme\nstrategy: oidc\naccess_level: full\n", "access_level", "/patternProperties/^access_level$/description"],
  ["auth0.idp.update.oidc", "update.json", '{\n  "display_name": "Acme",\n  "options": {"type": "front_channel", "client_id": "abc", "discovery_url": "https://acme.example/.well-known/openid-configuration"}\n}\n', '"options"', "/properties/options/description"],
  ["auth0.idp.update.oidc", "update.yaml", "display_name: Acme\nis_enabled: true\n", "display_name", "/properties/display_name/description"],
  ["auth0.idp.update.oidc", "update.yaml", "display_name: Acme\nis_enabled: true\n", "is_enabled", "/properties/is_enabled/description"],
  ["auth0.idp.update", "update.json", '{\n  "is_enabled": true,\n  "options": {}\n}\n', '"options"', "/properties/options/description"],
  ["auth0.idp.create", "create.json", '{\n  "name": "acme",\n  "strategy": "oidc",\n  "options": {"type": "front_channel", "client_id": "abc", "discovery_url": "https://acme.example/"}\n}\n', '"discovery_url"', "/$defs/OidcOptionsRequest/properties/discovery_url/description"],
];
const pointer = (value, p) =>
  p.split("/").slice(1).reduce((v, t) => v?.[t.replace(/~1/g, "/").replace(/~0/g, "~")], value);
for (const [id, name, text, key, where] of hoverCases) {
  const own = pointer(published(id), where);
  if (typeof own !== "string") {
    fail(`hover ${id}: no description at ${where}`);
    continue;
  }
  const shown = await hover(open(id, name, text), at(text, key));
  if (!shown.includes(own)) fail(`hover ${id} ${name} ${key}: shows ${JSON.stringify(shown)}, not ${JSON.stringify(own)}`);
}
const accessText = pointer(published("auth0.idp.update.oidc"), "/properties/options/description");
if (!/access_level.*`full`/.test(accessText)) fail(`update options does not say its access level: ${accessText}`);
const doNotSend = pointer(published("auth0.idp.create"), "/patternProperties/^access_level$/description");
if (!/Do not send it/.test(doNotSend)) fail(`create access_level does not say not to send it: ${doNotSend}`);
console.log(`editors: hover on ${hoverCases.length} fields shows their own text`);

// Every top-level field of every schema, and every key of each strategy's `options` (create
// and update), in JSON and in YAML: hover shows its own description.
const defOf = (schema, node) => (node?.$ref ? pointer(schema, node.$ref.slice(1)) : node);
const fieldsOf = (schema, node) =>
  Object.entries({ ...node?.properties, ...node?.patternProperties })
    .filter(([, s]) => typeof s === "object" && typeof s.description === "string")
    .map(([k, s]) => [k.replace(/^\^(.*)\$$/, "$1").replace(/\\(.)/g, "$1"), s.description]);
let hovered = 0;
async function hoverShowsOwn(id, head, key, own, nested) {
  for (const name of ["all.json", "all.yaml"]) {
    const yamlText = `# hover\n${head}${nested ? `options:\n  ${key}` : key}: null\n`;
    const jsonHead = head
      .split("\n")
      .filter(Boolean)
      .map((l) => l.replace(/^(\w+): (.*)$/, '"$1": "$2", '))
      .join("");
    const jsonText = nested ? `{${jsonHead}"options": {\n"${key}": null}}\n` : `{${jsonHead}\n"${key}": null}\n`;
    const text = name.endsWith(".yaml") ? yamlText : jsonText;
    const needle = name.endsWith(".yaml") ? `\n${nested ? "  " : ""}${key}:` : `\n"${key}"`;
    // On the key's second character (past the newline, the indentation and the quote).
    const shift = name.endsWith(".yaml") && nested ? 4 : 2;
    const shown = await hover(open(id, name, text), at(text, needle, shift));
    hovered++;
    if (!shown.includes(own)) fail(`hover ${id} ${name} ${key}: shows ${JSON.stringify(shown)}, not ${JSON.stringify(own)}`);
  }
}
for (const id of schemaIds) {
  const schema = published(id);
  for (const [key, own] of fieldsOf(schema, schema)) await hoverShowsOwn(id, "", key, own, false);
  const strategies = (schema.allOf ?? [])
    .map((b) => [b.if?.properties?.strategy?.const, b.then?.properties?.options])
    .filter(([s, o]) => s && o);
  if (/^auth0\.idp\.update\./.test(id)) strategies.push([null, schema.properties.options]);
  for (const [strategy, options] of strategies) {
    const head = strategy ? `strategy: ${strategy}\n` : "";
    for (const [key, own] of fieldsOf(schema, defOf(schema, options))) await hoverShowsOwn(id, head, key, own, true);
  }
}
console.log(`editors: hover on every top-level field and options key: ${hovered} hovers`);

// 4. Completion: the keys of oidc options; no read-only field at the top level of a request.
const create = published("auth0.idp.create");
const oidcKeys = Object.keys(create.$defs.OidcOptionsRequest.properties);
const readOnly = (schema) =>
  Object.entries({ ...schema.properties, ...schema.patternProperties })
    .filter(([, s]) => s.readOnly)
    .map(([k]) => k.replace(/^\^|\$$/g, ""));
const completionCases = [
  ["create.json", '{\n  "name": "acme",\n  "strategy": "oidc",\n  "options": {\n    \n  }\n}\n', "    \n", 4],
  // yaml-language-server completes the keys of a mapping, not of an empty (null) value.
  ["create.yaml", "name: acme\nstrategy: oidc\noptions:\n  type: front_channel\n  \n", "  \n", 2],
];
for (const [name, text, place, shift] of completionCases) {
  const offered = await completion(open("auth0.idp.create", name, text), at(text, place, shift));
  const missing = oidcKeys.filter((k) => !offered.includes(k) && !text.includes(`${k}:`));
  if (missing.length) fail(`completion in oidc options (${name}) lacks ${missing.join(", ")}: ${offered}`);
}
const topCases = [
  ["auth0.idp.create", "create.json", '{\n  "name": "acme",\n  \n}\n'],
  ["auth0.idp.create", "create.yaml", "name: acme\n\n"],
  ["auth0.idp.update.oidc", "update.json", '{\n  "is_enabled": true,\n  \n}\n'],
  ["genauth.ext-idp-conn.create", "conn.json", '{\n  "extIdpId": "6318061be13c0ce6a64093e5",\n  \n}\n'],
];
for (const [id, name, text] of topCases) {
  const schema = published(id);
  const forbidden = readOnly(schema);
  if (forbidden.length === 0) fail(`${id} has no read-only field to test`);
  const place = name.endsWith(".yaml") ? at(text, "\n\n", 1) : at(text, "  \n", 2);
  const offered = await completion(open(id, name, text), place);
  if (offered.length === 0) fail(`completion at the top of ${id} (${name}) offers nothing`);
  const wrong = offered.filter((k) => forbidden.includes(k));
  if (wrong.length) fail(`completion at the top of ${id} (${name}) offers read-only ${wrong.join(", ")}`);
}
console.log(`editors: completion in oidc options and at the top of ${topCases.length} requests`);

if (failures) {
  console.error(`editors: ${failures} failure(s)`);
  process.exit(1);
}
console.log("editors: vscode-json-languageservice and yaml-language-server agree with idplint");
