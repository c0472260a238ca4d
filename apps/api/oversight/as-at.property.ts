import { ApiPropertyOptional } from '@nestjs/swagger';

/** `asAt` in the OpenAPI document: the date a query is evaluated on, today by default. */
export const ApiAsAtProperty = (what: string): PropertyDecorator =>
  ApiPropertyOptional({ description: `${what}; default today (Europe/London)`, format: 'date', example: '2020-03-31' });
