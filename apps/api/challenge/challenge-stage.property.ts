import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/** An Issues Resolution Process stage in the OpenAPI document: 1-4 or "cafcass". */
export const ApiStageProperty = (options: ApiPropertyOptions = {}): PropertyDecorator =>
  ApiProperty({
    oneOf: [{ type: 'integer', enum: [1, 2, 3, 4] }, { type: 'string', enum: ['cafcass'] }],
    ...options,
  } as ApiPropertyOptions);
