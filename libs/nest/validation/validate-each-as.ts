import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';

/**
 * Each element of an array property validated as a `type`, and refused (at its own index)
 * when it is not an object of that type. class-validator walks into an element that is itself
 * an array and, finding nothing in `[]`, passes it: so every element that did not become a
 * `type` is replaced by null, which nested validation refuses.
 */
export function ValidateEachAs(type: () => new () => object, what: string): PropertyDecorator {
  return applyDecorators(
    ValidateNested({ each: true, message: `each of $property must be ${what}` }),
    Transform(({ value }) => (Array.isArray(value) ? value.map((element) => (element instanceof type() ? element : null)) : value)),
    Type(type),
  );
}
