import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength, registerDecorator } from 'class-validator';
import { wholeNumberParameter } from '../../../libs/nest/http/whole-number-parameter';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-cursor';

/** A whole number from 1 to MAX_PAGE_SIZE, with one message whatever is wrong with it. */
function IsPageSize(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPageSize',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}` },
      validator: { validate: (value: unknown) => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_PAGE_SIZE },
    });
}

/** `limit` and `cursor`, for every paged list. */
export class PageQuery {
  @ApiPropertyOptional({ description: `items per page (default ${DEFAULT_PAGE_SIZE})`, minimum: 1, maximum: MAX_PAGE_SIZE, example: 50 })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? wholeNumberParameter(value) : value))
  @IsPageSize()
  limit?: number;

  @ApiPropertyOptional({ description: 'the `nextCursor` of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;
}
