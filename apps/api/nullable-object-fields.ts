import { OpenAPIObject } from '@nestjs/swagger';

type SchemaLike = Record<string, unknown>;

/** Takes null and nothing else (OAS 3.0.3: nullable adds null to the type of its own schema; the enum then keeps only null). */
const NULL_ONLY = { type: 'object', nullable: true, enum: [null] };

/**
 * An object field that may be null (`@ApiProperty({ type: X, nullable: true })`) comes out of
 * @nestjs/swagger as `{ nullable, type: object, allOf: [X] }`, where strict OAS 3.0.3 readers
 * still apply the allOf to the null and refuse it. Rewritten as `oneOf: [X, null only]`, which
 * every reader takes alike. Said once here rather than on each field, so none is missed.
 */
export function withNullableObjectFields(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {}) as SchemaLike[]) {
    const properties = (schema.properties ?? {}) as Record<string, SchemaLike>;
    for (const [field, property] of Object.entries(properties)) {
      const refs = property.allOf as SchemaLike[] | undefined;
      if (property.nullable !== true || refs?.length !== 1) continue;
      const { nullable: _nullable, type: _type, allOf: _allOf, ...rest } = property;
      properties[field] = { ...rest, oneOf: [refs[0], NULL_ONLY] };
    }
  }
  return document;
}
