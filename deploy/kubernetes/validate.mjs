// Validates the Kubernetes manifests of deploy/kubernetes offline; run by
// scripts/verify-observability (which installs the npm packages):
//
//   node validate.mjs NPM_DIR CRD.yml [--allow POINTER:KEYWORD]... MANIFEST.yaml...
//
// Every FlinkDeployment is checked against the openAPIV3Schema of its apiVersion in the CRD
// (ajv), strictly: a field the schema does not declare is an error, as `kubectl apply
// --validate=strict` reports it, unless the schema keeps unknown fields
// (x-kubernetes-preserve-unknown-fields, e.g. flinkConfiguration). Core kinds
// (PersistentVolumeClaim, Secret, Service...) are checked with the kubernetes-models package's
// schemas. Documents are read as YAML 1.1, as Kubernetes reads them (0440 is octal).
// --allow POINTER:KEYWORD reports an error at that instance path with that keyword but does not
// fail (for an older CRD that predates a value). Exit 1 on any other error or unknown kind.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [npmDir, crdFile, ...rest] = process.argv.slice(2);
if (!npmDir || !crdFile) {
    console.error('usage: node validate.mjs NPM_DIR CRD.yml [--allow POINTER:KEYWORD]... MANIFEST.yaml...');
    process.exit(2);
}
const allowed = [];
const manifests = [];
for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--allow') allowed.push(rest[++i]);
    else manifests.push(rest[i]);
}
const require = createRequire(path.resolve(npmDir, 'package.json'));
const Ajv = require('ajv').default;
const YAML = require('yaml');

const readYaml = (file) => YAML.parseAllDocuments(readFileSync(file, 'utf8'), { version: '1.1' }).map((d) => {
    if (d.errors.length) throw new Error(`${file}: ${d.errors.map((e) => e.message).join('; ')}`);
    return d.toJS();
}).filter((d) => d != null);

// Strict structural schema: objects that declare properties take no others.
function strict(schema) {
    if (Array.isArray(schema)) return schema.map(strict);
    if (schema === null || typeof schema !== 'object') return schema;
    const out = {};
    for (const [k, v] of Object.entries(schema)) {
        if (k === 'description' || k.startsWith('x-kubernetes-')) continue;
        out[k] = k === 'enum' || k === 'required' ? v : strict(v);
    }
    if (schema.properties && schema.additionalProperties === undefined
        && !schema['x-kubernetes-preserve-unknown-fields']) {
        out.additionalProperties = false;
    }
    return out;
}

const crd = readYaml(crdFile).find((d) => d.kind === 'CustomResourceDefinition');
const group = crd.spec.group;
const kind = crd.spec.names.kind;
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
const validators = new Map();
for (const v of crd.spec.versions) {
    validators.set(`${group}/${v.name}`, ajv.compile(strict(v.schema.openAPIV3Schema)));
}
const crdVersion = (crd.metadata.annotations || {})['flink.apache.org/version'] || '';

let failed = false;
for (const file of manifests) {
    for (const doc of readYaml(file)) {
        const name = `${file}: ${doc.kind} ${doc.metadata?.name ?? '(no name)'}`;
        if (!doc.metadata?.name) {
            console.log(`${name}: no metadata.name`);
            failed = true;
        }
        if (doc.kind === kind) {
            const validate = validators.get(doc.apiVersion);
            if (!validate) {
                console.log(`${name}: apiVersion ${doc.apiVersion} is not served by ${crdFile} (${[...validators.keys()].join(', ')})`);
                failed = true;
                continue;
            }
            // The API server itself checks apiVersion, kind and metadata; the schema covers the rest.
            const { apiVersion, kind: docKind, metadata, ...body } = doc;
            const errors = validate(body) ? [] : validate.errors;
            let bad = 0;
            for (const e of errors) {
                const ok = allowed.includes(`${e.instancePath}:${e.keyword}`);
                if (!ok) bad++;
                const extra = e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}`
                    : e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : '';
                console.log(`${name}: ${ok ? 'allowed: ' : ''}${e.instancePath || '/'} ${e.message}${extra}`);
            }
            if (bad) failed = true;
            else console.log(`${name}: valid against ${path.basename(crdFile)}${crdVersion ? ' ' + crdVersion : ''} (${doc.apiVersion})${errors.length ? `, ${errors.length} allowed error(s)` : ''}`);
            continue;
        }
        const version = doc.apiVersion?.includes('/') ? doc.apiVersion.split('/') : ['', doc.apiVersion];
        const modulePath = path.resolve(npmDir, 'node_modules/kubernetes-models', ...(version[0] ? version : [version[1]]), `${doc.kind}.js`);
        let Model;
        try {
            Model = (await import(pathToFileURL(modulePath).href))[doc.kind];
        } catch (e) {
            console.log(`${name}: no schema for ${doc.apiVersion} ${doc.kind} in kubernetes-models`);
            failed = true;
            continue;
        }
        try {
            new Model(doc).validate();
            console.log(`${name}: valid (kubernetes-models ${doc.apiVersion} ${doc.kind})`);
        } catch (e) {
            console.log(`${name}: ${e.message}`);
            failed = true;
        }
    }
}
process.exit(failed ? 1 : 0);
