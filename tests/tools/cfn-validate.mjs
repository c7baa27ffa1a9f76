#!/usr/bin/env node
// An offline CloudFormation template validator, against the current resource schemas of
// @aws-cdk/aws-service-spec (the CloudFormation registry's schemas as the CDK ships them).
//
// Why not npm's cfn-lint: its bundled resource specification dates from 2019, so it rejects
// properties CloudFormation has had for years (Lambda Architectures, LoggingConfig, S3
// OwnershipControls, RDS MaxAllocatedStorage…); Python's cfn-lint is not installable here.
//
//   node cfn-validate.mjs <cloud assembly folder>...   (e.g. cdk.out: follows nested assemblies)
//
// For every template of every stack it checks: the template's sections; each resource's type
// exists, its attributes (DependsOn, Condition, DeletionPolicy…) are valid, every property is one
// the type has, every required property is present, and values have the schema's shape (strings,
// numbers, booleans, lists, maps, nested property types, allowed values) wherever they are literal;
// Ref, Fn::GetAtt (resource and attribute), Fn::Sub, DependsOn and Condition name things that
// exist; Fn::ImportValue names an export of another stack of the assembly; export names are unique.
// Prints one line per problem ("template: path: what is wrong") and exits 1 if there is any.
import { readFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';

const PSEUDO = new Set(['AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix']);
const TEMPLATE_SECTIONS = new Set(['AWSTemplateFormatVersion', 'Description', 'Metadata', 'Parameters', 'Mappings', 'Conditions', 'Transform',
  'Resources', 'Outputs', 'Rules']);
const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy',
  'CreationPolicy']);
const POLICIES = new Set(['Delete', 'Retain', 'Snapshot', 'RetainExceptOnCreate']);
// Written by the CDK itself (version reporting); CloudFormation accepts it though no schema lists it.
const CDK_INTERNAL = new Set(['AWS::CDK::Metadata']);

const folders = process.argv.slice(2);
if (folders.length === 0) {
  console.error('usage: node cfn-validate.mjs <cloud assembly folder>...');
  process.exit(2);
}

const db = await loadAwsServiceSpec();
const problems = [];
const report = (where, message) => problems.push(`${where}: ${message}`);

// --- the assembly: every stack template, and every export they make -----------------------------
const templates = [];
function collect(folder) {
  const manifestPath = join(folder, 'manifest.json');
  if (!existsSync(manifestPath)) {
    report(folder, 'no manifest.json: not a cloud assembly (run the CDK app first)');
    return;
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const artifact of Object.values(manifest.artifacts ?? {})) {
    if (artifact.type === 'aws:cloudformation:stack') {
      const file = join(folder, artifact.properties.templateFile);
      templates.push({ name: basename(file), template: JSON.parse(readFileSync(file, 'utf8')) });
    } else if (artifact.type === 'cdk:cloud-assembly') {
      collect(join(folder, artifact.properties.directoryName));
    }
  }
}
folders.forEach(collect);
if (templates.length === 0 && problems.length === 0) {
  report(folders.join(' '), 'no stack templates found');
}

const exports = new Map();
for (const { name, template } of templates) {
  for (const [id, output] of Object.entries(template.Outputs ?? {})) {
    const exportName = output.Export?.Name;
    if (typeof exportName === 'string') {
      if (exports.has(exportName)) {
        report(`${name}: Outputs.${id}`, `export name "${exportName}" is also exported by ${exports.get(exportName)}`);
      }
      exports.set(exportName, name);
    }
  }
}

// --- schemas ---------------------------------------------------------------------------------------
const resourceCache = new Map();
function resourceType(type) {
  if (!resourceCache.has(type)) {
    const found = db.lookup('resource', 'cloudFormationType', 'equals', type);
    resourceCache.set(type, found.length === 1 ? found.only() : null);
  }
  return resourceCache.get(type);
}
const isCustom = (type) => type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';

// --- values -----------------------------------------------------------------------------------------
const isIntrinsic = (value) => value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1
  && (Object.keys(value)[0] === 'Ref' || Object.keys(value)[0].startsWith('Fn::') || Object.keys(value)[0] === 'Condition');

function checkIntrinsics(value, where, context) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkIntrinsics(item, `${where}[${i}]`, context));
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  for (const [key, argument] of Object.entries(value)) {
    if (key === 'Ref') {
      if (typeof argument !== 'string') {
        report(where, 'Ref takes a name');
      } else if (!PSEUDO.has(argument) && !context.resources.has(argument) && !context.parameters.has(argument)) {
        report(where, `Ref to "${argument}", which is no resource, parameter or pseudo parameter of this template`);
      }
    } else if (key === 'Fn::GetAtt') {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split(/\.(.*)/s);
      checkGetAtt(logicalId, attribute, where, context);
    } else if (key === 'Fn::ImportValue') {
      if (typeof argument === 'string' && !exports.has(argument)) {
        report(where, `Fn::ImportValue "${argument}": no stack of the assembly exports it`);
      }
      checkIntrinsics(argument, where, context);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      for (const match of String(text).matchAll(/\$\{([^!][^}]*)\}/g)) {
        const name = match[1];
        if (name in (variables ?? {}) || PSEUDO.has(name)) continue;
        const [logicalId, attribute] = name.split(/\.(.*)/s);
        if (attribute === undefined) {
          if (!context.resources.has(logicalId) && !context.parameters.has(logicalId)) {
            report(where, `Fn::Sub refers to \${${name}}, which is no resource, parameter or variable`);
          }
        } else {
          checkGetAtt(logicalId, attribute, where, context);
        }
      }
      checkIntrinsics(variables, where, context);
    } else if (key === 'Condition' || key === 'Fn::If') {
      const name = key === 'Condition' ? argument : argument?.[0];
      if (typeof name === 'string' && !context.conditions.has(name)) {
        report(where, `condition "${name}" is not defined in Conditions`);
      }
      checkIntrinsics(key === 'Fn::If' ? argument.slice(1) : [], where, context);
    } else {
      checkIntrinsics(argument, `${where}.${key}`, context);
    }
  }
}

function checkGetAtt(logicalId, attribute, where, context) {
  const type = context.resources.get(logicalId);
  if (type === undefined) {
    report(where, `Fn::GetAtt on "${logicalId}", which is no resource of this template`);
    return;
  }
  const schema = resourceType(type);
  if (schema && !isCustom(type) && !(attribute in schema.attributes)) {
    report(where, `Fn::GetAtt ${logicalId}.${attribute}: ${type} has no attribute "${attribute}" (it has ${Object.keys(schema.attributes).join(', ') || 'none'})`);
  }
}

function checkValue(value, type, where) {
  if (isIntrinsic(value)) {
    return; // resolved at deployment; its references are checked separately
  }
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (!['string', 'number', 'boolean'].includes(typeof value)) {
        report(where, `expected a string, got ${describe(value)}`);
      } else if (type.allowedValues && !type.allowedValues.includes(String(value))) {
        report(where, `"${value}" is not one of ${type.allowedValues.join(', ')}`);
      }
      break;
    case 'number':
    case 'integer':
      if (!(typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))))) {
        report(where, `expected a number, got ${describe(value)}`);
      } else if (type.type === 'integer' && !Number.isInteger(Number(value))) {
        report(where, `expected a whole number, got ${value}`);
      }
      break;
    case 'boolean':
      if (!(typeof value === 'boolean' || value === 'true' || value === 'false')) {
        report(where, `expected true or false, got ${describe(value)}`);
      }
      break;
    case 'json':
    case 'null':
      break;
    case 'tag':
      if (!value || typeof value !== 'object' || !('Key' in value) || !('Value' in value)) {
        report(where, `expected a tag {Key, Value}, got ${describe(value)}`);
      }
      break;
    case 'array':
      if (!Array.isArray(value)) {
        report(where, `expected a list, got ${describe(value)}`);
      } else {
        value.forEach((item, i) => checkValue(item, type.element, `${where}[${i}]`));
      }
      break;
    case 'map':
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        report(where, `expected a map, got ${describe(value)}`);
      } else {
        for (const [key, item] of Object.entries(value)) checkValue(item, type.element, `${where}.${key}`);
      }
      break;
    case 'ref': {
      const definition = db.get('typeDefinition', type.reference.$ref);
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        report(where, `expected an object (${definition.name}), got ${describe(value)}`);
      } else {
        checkProperties(value, definition.properties, where, definition.name);
      }
      break;
    }
    case 'union': {
      // Valid if any member type accepts it: try each against a scratch list.
      const saved = problems.length;
      const fits = type.types.some((member) => {
        const before = problems.length;
        checkValue(value, member, where);
        const ok = problems.length === before;
        problems.length = before;
        return ok;
      });
      problems.length = saved;
      if (!fits) report(where, `matches none of the accepted shapes (${type.types.map((t) => t.type).join(' | ')}); got ${describe(value)}`);
      break;
    }
    default:
      break;
  }
}

function checkProperties(values, schema, where, typeName) {
  for (const [name, value] of Object.entries(values)) {
    const property = schema[name];
    if (!property) {
      report(`${where}.${name}`, `${typeName} has no property "${name}"`);
      continue;
    }
    const types = [property.type, ...(property.previousTypes ?? [])];
    const fits = types.some((type) => {
      const start = problems.length;
      checkValue(value, type, `${where}.${name}`);
      if (problems.length === start) return true;
      problems.length = start;
      return false;
    });
    if (!fits) checkValue(value, property.type, `${where}.${name}`); // report against the current type
  }
  for (const [name, property] of Object.entries(schema)) {
    if (property.required && !(name in values)) {
      report(`${where}`, `${typeName} needs "${name}"`);
    }
  }
}

function describe(value) {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

// --- templates --------------------------------------------------------------------------------------
for (const { name, template } of templates) {
  for (const section of Object.keys(template)) {
    if (!TEMPLATE_SECTIONS.has(section)) report(name, `unknown template section "${section}"`);
  }
  const resources = new Map(Object.entries(template.Resources ?? {}).map(([id, r]) => [id, r?.Type]));
  if (resources.size === 0) report(name, 'a template needs at least one resource');
  const context = {
    resources,
    parameters: new Set(Object.keys(template.Parameters ?? {})),
    conditions: new Set(Object.keys(template.Conditions ?? {})),
  };
  checkIntrinsics(template.Conditions ?? {}, `${name}: Conditions`, context);

  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const where = `${name}: Resources.${id}`;
    for (const key of Object.keys(resource)) {
      if (!RESOURCE_KEYS.has(key)) report(where, `unknown resource attribute "${key}"`);
    }
    for (const policy of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      if (resource[policy] !== undefined && !POLICIES.has(resource[policy])) report(`${where}.${policy}`, `"${resource[policy]}" is not one of ${[...POLICIES].join(', ')}`);
    }
    for (const dependency of [resource.DependsOn ?? []].flat()) {
      if (!resources.has(dependency)) report(`${where}.DependsOn`, `"${dependency}" is no resource of this template`);
    }
    if (resource.Condition !== undefined && !context.conditions.has(resource.Condition)) {
      report(`${where}.Condition`, `condition "${resource.Condition}" is not defined`);
    }
    checkIntrinsics(resource.Properties ?? {}, `${where}.Properties`, context);
    const type = resource.Type;
    if (typeof type !== 'string') {
      report(where, 'no Type');
      continue;
    }
    if (CDK_INTERNAL.has(type) || isCustom(type)) {
      if (isCustom(type) && !resource.Properties?.ServiceToken) report(`${where}.Properties`, 'a custom resource needs "ServiceToken"');
      continue;
    }
    const schema = resourceType(type);
    if (!schema) {
      report(where, `unknown resource type ${type}`);
      continue;
    }
    checkProperties(resource.Properties ?? {}, schema.properties, `${where}.Properties`, type);
  }

  for (const [id, output] of Object.entries(template.Outputs ?? {})) {
    if (!('Value' in output)) report(`${name}: Outputs.${id}`, 'an output needs a Value');
    checkIntrinsics(output, `${name}: Outputs.${id}`, context);
  }
}

for (const problem of problems) console.log(problem);
console.log(`cfn-validate: ${templates.length} template(s), ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
