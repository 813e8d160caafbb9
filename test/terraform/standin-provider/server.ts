/*
 * A stand-in Terraform provider: serves a provider schema (`terraform providers schema -json`
 * format) over plugin protocol 6 so that the real `terraform validate/plan` check a configuration
 * against it, with no provider binary. Terraform attaches to it through TF_REATTACH_PROVIDERS
 * (go-plugin's debug mode: no handshake, no TLS). See README.md next to this file.
 *
 *   node --require tsx/cjs server.ts --schema <schema.json> --notes <notes.json> \
 *     --address registry.terraform.io/aliyun/alicloud --socket <path> [--ready-file <path>] [--exit-with-parent]
 *
 * Prints one JSON line when it listens: {"address": ..., "reattach": {...}}, the entry to put in
 * TF_REATTACH_PROVIDERS under that address; `--ready-file` gets the same line. It removes the
 * socket and the ready file when it stops (SIGTERM, SIGINT, or its parent's exit with
 * `--exit-with-parent`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { applyPlannedState, conformState, planResourceChange } from './planner';
import { protoSchema } from './proto-schema';
import { compileResourceRules, ProtoDiagnostic, ProviderNotes } from './resource-rules';
import { decodeValue, encodeValue, isObjectValue, ProviderSchemaJson, Value, VersionedSchema } from './values';

const PROTO_FILE = path.join(__dirname, 'tfplugin6.8.proto');
const PARENT_POLL_MS = 500;

const { values: options } = parseArgs({
  options: {
    'schema': { type: 'string' },
    'notes': { type: 'string' },
    'address': { type: 'string' },
    'socket': { type: 'string' },
    'ready-file': { type: 'string' },
    'exit-with-parent': { type: 'boolean', default: false },
  },
});
for (const required of ['schema', 'address', 'socket'] as const) {
  if (options[required] === undefined) throw new Error(`--${required} is required`);
}
const address = options.address!;
const socketPath = path.resolve(options.socket!);

const providerSchemas: Record<string, ProviderSchemaJson> = JSON.parse(fs.readFileSync(options.schema!, 'utf8')).provider_schemas;
const providerSchema = providerSchemas[address];
if (providerSchema === undefined) throw new Error(`${options.schema} has no schema for ${address} (it has ${Object.keys(providerSchemas).join(', ')})`);
const resourceSchemas = providerSchema.resource_schemas ?? {};
const dataSourceSchemas = providerSchema.data_source_schemas ?? {};
const notes: ProviderNotes = options.notes === undefined ? {} : JSON.parse(fs.readFileSync(options.notes, 'utf8'));
const rules = compileResourceRules(notes, resourceSchemas);

const mapSchemas = (schemas: Record<string, VersionedSchema>) =>
  Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, protoSchema(schema)]));
const serverCapabilities = { plan_destroy: false, get_provider_schema_optional: false, move_resource_state: false };
const schemaResponse = {
  provider: protoSchema(providerSchema.provider),
  resource_schemas: mapSchemas(resourceSchemas),
  data_source_schemas: mapSchemas(dataSourceSchemas),
  server_capabilities: serverCapabilities,
  diagnostics: [],
};

type Request = Record<string, any>;

function resourceSchema(typeName: string): VersionedSchema {
  const schema = resourceSchemas[typeName];
  if (schema === undefined) throw new Error(`${address} has no resource type ${typeName}`);
  return schema;
}

function dynamic(value: Value): { msgpack: Buffer } {
  return { msgpack: encodeValue(value) };
}

function unsupported(what: string): { diagnostics: ProtoDiagnostic[] } {
  return { diagnostics: [{ severity: 'ERROR', summary: `${what} is not supported by the stand-in provider for ${address}` }] };
}

const handlers: Record<string, (request: Request) => unknown> = {
  GetMetadata: () => ({
    server_capabilities: serverCapabilities,
    resources: Object.keys(resourceSchemas).map((type_name) => ({ type_name })),
    data_sources: Object.keys(dataSourceSchemas).map((type_name) => ({ type_name })),
    diagnostics: [],
  }),
  GetProviderSchema: () => schemaResponse,
  GetFunctions: () => ({ functions: {}, diagnostics: [] }),
  ValidateProviderConfig: () => ({ diagnostics: [] }),
  ConfigureProvider: () => ({ diagnostics: [] }),
  ValidateResourceConfig: (request) => {
    const config = decodeValue(request.config?.msgpack);
    return { diagnostics: isObjectValue(config) ? rules.get(request.type_name)?.validate(config) ?? [] : [] };
  },
  ValidateDataResourceConfig: () => ({ diagnostics: [] }),
  PlanResourceChange: (request) => {
    const change = planResourceChange(
      resourceSchema(request.type_name).block,
      rules.get(request.type_name),
      decodeValue(request.prior_state?.msgpack),
      decodeValue(request.proposed_new_state?.msgpack),
    );
    return {
      planned_state: dynamic(change.planned),
      requires_replace: change.requiresReplace.map((name) => ({ steps: [{ attribute_name: name }] })),
      planned_private: request.prior_private,
      // As the plugin SDK does: Terraform then tolerates the plugin SDK's defaults (planned values
      // for null, non-computed attributes) instead of failing the plan.
      legacy_type_system: true,
      diagnostics: [],
    };
  },
  ApplyResourceChange: (request) => ({
    new_state: dynamic(applyPlannedState(resourceSchema(request.type_name).block, decodeValue(request.planned_state?.msgpack))),
    private: request.planned_private,
    legacy_type_system: true,
    diagnostics: [],
  }),
  ReadResource: (request) => ({ new_state: request.current_state, private: request.private, diagnostics: [] }),
  UpgradeResourceState: (request) => {
    const json = request.raw_state?.json as Buffer | undefined;
    if (json === undefined || json.length === 0) return unsupported('A state in the legacy flatmap format');
    const state = conformState(resourceSchema(request.type_name).block, JSON.parse(json.toString('utf8')));
    return { upgraded_state: dynamic(state), diagnostics: [] };
  },
  ImportResourceState: () => unsupported('Import'),
  ReadDataSource: () => unsupported('Reading a data source'),
  StopProvider: () => ({ Error: '' }),
};

/** A failure inside the stand-in becomes a gRPC error, which Terraform reports with its message. */
function unary(handler: (request: Request) => unknown): grpc.handleUnaryCall<Request, unknown> {
  return (call, callback) => {
    try {
      callback(null, handler(call.request));
    } catch (error) {
      process.stderr.write(`stand-in provider ${address}: ${(error as Error).stack}\n`);
      callback({ code: grpc.status.INTERNAL, details: `stand-in provider ${address}: ${(error as Error).message}` });
    }
  };
}

const packageDefinition = protoLoader.loadSync(PROTO_FILE, { keepCase: true, longs: Number, enums: String, defaults: false, oneofs: true });
const tfplugin6 = (grpc.loadPackageDefinition(packageDefinition) as any).tfplugin6;
const server = new grpc.Server();
server.addService(tfplugin6.Provider.service, Object.fromEntries(Object.entries(handlers).map(([name, handler]) => [name, unary(handler)])));

const readyFile = options['ready-file'] === undefined ? undefined : path.resolve(options['ready-file']);

function removeFiles(): void {
  for (const file of [socketPath, readyFile]) if (file !== undefined) fs.rmSync(file, { force: true });
}

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  server.forceShutdown();
  removeFiles();
  process.exit(0);
}

process.on('SIGTERM', stop);
process.on('SIGINT', stop);
if (options['exit-with-parent']) {
  // An orphan is adopted by another process: polling needs no handle kept open in the parent, so
  // the parent (a jest worker) can exit, or be killed, whenever it likes.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, PARENT_POLL_MS);
}

// Files left by a killed earlier run would make the bind fail or point at a dead process.
removeFiles();
server.bindAsync(`unix:${socketPath}`, grpc.ServerCredentials.createInsecure(), (error) => {
  if (error) {
    process.stderr.write(`stand-in provider ${address}: cannot listen on ${socketPath}: ${error.message}\n`);
    process.exit(1);
  }
  const reattach = { Protocol: 'grpc', ProtocolVersion: 6, Pid: process.pid, Test: true, Addr: { Network: 'unix', String: socketPath } };
  const ready = `${JSON.stringify({ address, reattach })}\n`;
  if (readyFile !== undefined) {
    // Written aside and renamed, so a reader never sees half of it.
    fs.writeFileSync(`${readyFile}.partial`, ready);
    fs.renameSync(`${readyFile}.partial`, readyFile);
  }
  process.stdout.write(ready);
});
