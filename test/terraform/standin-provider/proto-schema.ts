import { SchemaAttribute, SchemaBlock, SchemaNestedBlock, VersionedSchema } from './values';

/*
 * Conversion of `terraform providers schema -json` into tfplugin6 `Schema` messages, as plain
 * objects for @grpc/proto-loader (field names as in the .proto, enums as their names).
 */

function descriptionKind(kind: string | undefined): 'PLAIN' | 'MARKDOWN' {
  return kind === 'markdown' ? 'MARKDOWN' : 'PLAIN';
}

function protoAttribute(name: string, attribute: SchemaAttribute): Record<string, unknown> {
  return {
    name,
    // The protocol carries cty types as their JSON text.
    type: Buffer.from(JSON.stringify(attribute.type)),
    description: attribute.description ?? '',
    description_kind: descriptionKind(attribute.description_kind),
    required: attribute.required === true,
    optional: attribute.optional === true,
    computed: attribute.computed === true,
    sensitive: attribute.sensitive === true,
    deprecated: attribute.deprecated === true,
  };
}

function protoNestedBlock(typeName: string, nested: SchemaNestedBlock): Record<string, unknown> {
  return {
    type_name: typeName,
    block: protoBlock(nested.block),
    nesting: nested.nesting_mode.toUpperCase(),
    min_items: nested.min_items ?? 0,
    max_items: nested.max_items ?? 0,
  };
}

function protoBlock(block: SchemaBlock, version: number = 0): Record<string, unknown> {
  return {
    version,
    attributes: Object.entries(block.attributes ?? {}).map(([name, attribute]) => protoAttribute(name, attribute)),
    block_types: Object.entries(block.block_types ?? {}).map(([name, nested]) => protoNestedBlock(name, nested)),
    description: block.description ?? '',
    description_kind: descriptionKind(block.description_kind),
    deprecated: block.deprecated === true,
  };
}

/** A `Schema` message for a provider, resource or data source schema. */
export function protoSchema(schema: VersionedSchema): Record<string, unknown> {
  return { version: schema.version, block: protoBlock(schema.block, schema.version) };
}
