// Compile every schema in schemas/ with ajv (draft 2020-12, default strict mode, ajv-formats),
// then validate every JSON payload of testdata/valid/ against the schema of its kind.
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ajv = new Ajv2020(); // strict mode is the default
addFormats(ajv);

let failures = 0;
const validators = new Map();
for (const file of readdirSync(join(root, "schemas")).filter((f) => f.endsWith(".json")).sort()) {
  const schema = JSON.parse(readFileSync(join(root, "schemas", file), "utf8"));
  try {
    validators.set(file.replace(/\.json$/, ""), ajv.compile(schema));
  } catch (e) {
    failures++;
    console.error(`FAIL compile ${file}: ${e.message}`);
  }
}
console.log(`ajv: compiled ${validators.size} schemas`);

let checked = 0;
const valid = join(root, "testdata", "valid");
for (const kind of readdirSync(valid).sort()) {
  for (const file of readdirSync(join(valid, kind)).filter((f) => f.endsWith(".json")).sort()) {
    const strategy = /@strategy=([a-z-]+)/.exec(file)?.[1];
    const id = strategy && kind === "auth0.idp.update" ? `${kind}.${strategy}` : kind;
    const validate = validators.get(id);
    const text = readFileSync(join(valid, kind, file), "utf8").replace(/^\uFEFF/, "");
    checked++;
    if (!validate(JSON.parse(text))) {
      failures++;
      console.error(`FAIL ${kind}/${file} against ${id}: ${ajv.errorsText(validate.errors)}`);
    }
  }
}
console.log(`ajv: validated ${checked} valid payloads`);
if (failures) {
  console.error(`ajv: ${failures} failure(s)`);
  process.exit(1);
}
console.log("ajv: all schemas compile in strict mode and accept the valid payloads");
